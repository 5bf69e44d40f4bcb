using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Commands;

/// <summary><c>/credits with</c> and <c>/credits compare</c> on the real search over the test pages.</summary>
public sealed class ConnectionsCommandHandlersTests : IDisposable
{
    private readonly CreditsSearchEngine _search = new();
    private readonly ConnectionsCommandHandlers _handlers;

    public ConnectionsCommandHandlersTests()
    {
        _search.Publish(TestCatalog.Create(), "test");
        _handlers = new ConnectionsCommandHandlers(_search, _search);
    }

    public void Dispose() => _search.Dispose();

    private static Interaction Parse(string body) => JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!;

    private static string[] Lines(ReplyModel reply) => reply.Description!.Split('\n');

    [Fact]
    public void With_ranks_by_the_rule_and_counts_other_spellings_as_the_person()
    {
        var reply = _handlers.With(new WithCommand("Greg Brockman"), ephemeral: false);

        Assert.Equal("Who worked with Greg Brockman", reply.Title);
        // Compute cluster scaling has two people (1 each), Core contributors three (1/2 each); the Evaluation
        // section is Greg and "Greg Brockmann", one person, so it links him to no one.
        Assert.Contains("**3** people share a section with Greg Brockman", reply.Description);
        Assert.Contains("Counted as one person: Greg Brockman, Greg Brockmann", reply.Description);
        var ranked = Lines(reply).Where(l => l.Length > 2 && char.IsDigit(l[0])).ToList();
        Assert.StartsWith("1\\. **Alex Paino** — 1 · 1 section: Pretraining › Compute cluster scaling (GPT-4 contributions)", ranked[0]);
        Assert.StartsWith("2\\. **Jakub Pachocki** — 0.5 · 1 section: Pretraining › Core contributors", ranked[1]);
        Assert.StartsWith("3\\. **Jane\\_Doe\\*** — 0.5", ranked[2]);
        Assert.False(reply.Ephemeral);
        Assert.Equal(TestCatalog.Gpt4Url, Assert.Single(reply.Links).Url);
    }

    [Fact]
    public void With_shows_ten_people_a_page_and_every_page_is_rebuilt_from_its_custom_id()
    {
        var reply = _handlers.With(new WithCommand("Person 001", Private: true), ephemeral: true);

        Assert.True(reply.Ephemeral);
        Assert.Contains("**94** people share a section with Person 001", reply.Description);
        Assert.Equal(10, Lines(reply).Count(l => l.Contains("** — ", StringComparison.Ordinal)));
        Assert.Equal("Page 1/10", reply.Footer);
        var message = ReplyBuilder.Reply(reply).Data as MessagePayload;
        var next = message!.Components!.SelectMany(r => r.Components!).Single(b => b.Label == "Next ▶");
        Assert.True(CustomIdCodec.TryDecode(next.CustomId, out var action));
        var (target, page) = (action.Target, action.Page);
        Assert.Equal((CustomIdKind.WithKey, 1), (target.Kind, page));
        Assert.Contains(reply.Buttons, b => CustomIdCodec.TryDecode(b.CustomId, out var post) && post.Post);

        var second = _handlers.Open(target, page, ephemeral: true);
        Assert.Equal("Page 2/10", second.Footer);
        Assert.StartsWith("11\\. **Person 012**", Lines(second).First(l => l.StartsWith("11", StringComparison.Ordinal)));
        Assert.Equal(10, Lines(second).Count(l => l.Contains("** — ", StringComparison.Ordinal)));
        var last = _handlers.Open(target, 9, ephemeral: true);
        Assert.Equal(4, Lines(last).Count(l => l.Contains("** — ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Other_matches_of_the_name_are_offered_in_a_select_that_opens_their_answer()
    {
        var reply = _handlers.With(new WithCommand("Person 00"), ephemeral: false);

        var choice = reply.Pick!.Choices[0];
        Assert.True(CustomIdCodec.TryDecode(choice.Value, out var action));
        Assert.Equal(CustomIdKind.WithKey, action.Target.Kind);
        Assert.Equal($"Who worked with {choice.Label}", _handlers.Open(action.Target, action.Page, ephemeral: false).Title);
        Assert.NotEqual(reply.Title, $"Who worked with {choice.Label}");
    }

    [Fact]
    public void A_name_that_fits_several_people_equally_is_a_choice_between_their_collaborator_lists()
    {
        var reply = _handlers.With(new WithCommand("Person 01"), ephemeral: false);

        Assert.Equal("Several people match", reply.Title);
        Assert.Empty(reply.Fields);
        Assert.True(reply.Pick!.Choices.Count >= 10);
        Assert.All(reply.Pick.Choices.Take(10), c => Assert.StartsWith("Person 01", c.Label));
        Assert.True(CustomIdCodec.TryDecode(reply.Pick.Choices[0].Value, out var action));
        Assert.Equal(CustomIdKind.WithKey, action.Target.Kind);
        Assert.Equal($"Who worked with {reply.Pick.Choices[0].Label}", _handlers.Open(action.Target, action.Page, ephemeral: false).Title);
    }

    [Fact]
    public void A_clear_best_match_is_answered_even_with_other_matches()
    {
        var reply = _handlers.With(new WithCommand("Greg Brockman"), ephemeral: false);

        Assert.Equal("Who worked with Greg Brockman", reply.Title);
    }

    [Fact]
    public void Page_text_cannot_ping_or_format_and_every_message_allows_no_mentions()
    {
        var reply = _handlers.With(new WithCommand("Alex Paino"), ephemeral: false);

        Assert.Contains("**@\u200Beveryone**", reply.Description);
        var message = (MessagePayload)ReplyBuilder.Reply(reply).Data!;
        Assert.Empty(message.AllowedMentions!.Parse);
    }

    [Fact]
    public void Compare_shows_what_they_did_together_and_apart_with_roles()
    {
        var reply = _handlers.Compare(new CompareCommand("Greg Brockman", "Alex Paino"), ephemeral: false);

        Assert.Equal("Greg Brockman and Alex Paino", reply.Title);
        Assert.Contains("**1** section together · Greg Brockman: **2** without Alex Paino · Alex Paino: **1** without Greg Brockman", reply.Description);
        Assert.DoesNotContain("Linked", reply.Description);
        Assert.Equal(["Together (1)", "Greg Brockman without Alex Paino (2)", "Alex Paino without Greg Brockman (1)"], reply.Fields.Select(f => f.Name));
        Assert.Equal("Pretraining › Compute cluster scaling (GPT-4 contributions) — Greg Brockman: credited; Alex Paino: credited", reply.Fields[0].Value);
        Assert.Contains("Vision › Evaluation (GPT-4V contributions) — *Evaluation lead*", reply.Fields[1].Value);
        Assert.Equal("Deployment › Inference research (GPT-4 contributions) — *Triton lead*", reply.Fields[2].Value);
    }

    [Fact]
    public void Compare_without_a_shared_section_gives_the_chain_or_says_there_is_no_link()
    {
        var linked = _handlers.Compare(new CompareCommand("Jakub Pachocki", "Alex Paino"), ephemeral: false);
        Assert.Contains("Linked in 2 steps, through the smallest sections: **Jakub Pachocki** → *Pretraining › Core contributors (GPT-4 contributions)* (3 people) → **Greg Brockman** → *Pretraining › Compute cluster scaling (GPT-4 contributions)* (2 people) → **Alex Paino**", linked.Description);

        var apart = _handlers.Compare(new CompareCommand("Prolific Person", "Greg Brockman", Private: true), ephemeral: true);
        Assert.Contains("No link within 4 steps.", apart.Description);
        Assert.True(apart.Ephemeral);
        Assert.Equal("Prolific Person without Greg Brockman (40)", apart.Fields[0].Name);
        Assert.StartsWith("Page 1/", apart.Footer);
        Assert.True(CustomIdCodec.TryDecode(CustomIdCodec.Encode(apart.Pages!.Target, 1), out var action));
        var opened = _handlers.Open(action.Target, action.Page, ephemeral: true);
        Assert.Equal("Prolific Person and Greg Brockman", opened.Title);
        Assert.Equal("Page 2/" + apart.Pages.Count, opened.Footer);
    }

    [Fact]
    public void With_speaks_the_locale_and_the_credits_stay_as_they_are()
    {
        using (DiscordLocales.Use(DiscordLocales.CultureFor("de")))
        {
            var reply = _handlers.With(new WithCommand("Greg Brockman"), ephemeral: false);
            Assert.Equal("Wer mit Greg Brockman gearbeitet hat", reply.Title);
            Assert.Contains("**3** Personen teilen einen Abschnitt mit Greg Brockman.\nEin gemeinsamer Abschnitt mit n Personen zählt 1/(n − 1)", reply.Description);
            Assert.Contains("Als eine Person gezählt: Greg Brockman, Greg Brockmann", reply.Description);
            Assert.Contains("1\\. **Alex Paino** — 1 · 1 Abschnitt: Pretraining › Compute cluster scaling (GPT-4 contributions)", reply.Description);
            Assert.DoesNotContain("share", reply.Description);
        }
        using (DiscordLocales.Use(DiscordLocales.CultureFor("ko")))
        {
            var reply = _handlers.With(new WithCommand("Greg Brockman"), ephemeral: false);
            Assert.Equal("Who worked with Greg Brockman", reply.Title);
            Assert.Contains("**3** people share a section with Greg Brockman.\nA shared section of n people counts 1/(n − 1)", reply.Description);
        }
    }

    [Fact]
    public void Compare_speaks_the_locale_and_the_credits_stay_as_they_are()
    {
        using (DiscordLocales.Use(DiscordLocales.CultureFor("de")))
        {
            var reply = _handlers.Compare(new CompareCommand("Greg Brockman", "Alex Paino"), ephemeral: false);
            Assert.Equal("Greg Brockman und Alex Paino", reply.Title);
            Assert.Contains("**1** gemeinsamer Abschnitt · Greg Brockman: **2** ohne Alex Paino · Alex Paino: **1** ohne Greg Brockman", reply.Description);
            Assert.Equal(["Gemeinsam (1)", "Greg Brockman ohne Alex Paino (2)", "Alex Paino ohne Greg Brockman (1)"], reply.Fields.Select(f => f.Name));
            Assert.Equal("Pretraining › Compute cluster scaling (GPT-4 contributions) — Greg Brockman: genannt; Alex Paino: genannt", reply.Fields[0].Value);
            Assert.Equal("Deployment › Inference research (GPT-4 contributions) — *Triton lead*", reply.Fields[2].Value);

            var linked = _handlers.Compare(new CompareCommand("Jakub Pachocki", "Alex Paino"), ephemeral: false);
            Assert.Contains("Verbunden in 2 Schritten, über die kleinsten Abschnitte: **Jakub Pachocki** → *Pretraining › Core contributors (GPT-4 contributions)* (3 Personen) → **Greg Brockman**", linked.Description);
            Assert.Contains("Keine Verbindung innerhalb von 4 Schritten.", _handlers.Compare(new CompareCommand("Prolific Person", "Greg Brockman"), ephemeral: false).Description);
            Assert.Equal("Beide Namen gehören zu derselben Person (genannt als Greg Brockman, Greg Brockmann).",
                _handlers.Compare(new CompareCommand("Greg Brockman", "Greg Brockmann"), ephemeral: false).Description);
        }
        using (DiscordLocales.Use(DiscordLocales.CultureFor("ko")))
        {
            var reply = _handlers.Compare(new CompareCommand("Greg Brockman", "Alex Paino"), ephemeral: false);
            Assert.Equal("Greg Brockman and Alex Paino", reply.Title);
            Assert.Contains("**1** section together · Greg Brockman: **2** without Alex Paino", reply.Description);
            Assert.Equal("Together (1)", reply.Fields[0].Name);
        }
    }

    [Fact]
    public void Two_spellings_of_one_person_are_one_person()
    {
        var reply = _handlers.Compare(new CompareCommand("Greg Brockman", "Greg Brockmann"), ephemeral: false);

        Assert.Contains("Both names are one person (credited as Greg Brockman, Greg Brockmann).", reply.Description);
        Assert.Empty(reply.Fields);
    }

    [Fact]
    public void No_match_offers_did_you_mean_choices_that_run_the_same_command()
    {
        var with = _handlers.With(new WithCommand("Zzzq Brockman"), ephemeral: false);
        Assert.True(with.Ephemeral);
        Assert.Contains("No credited person matches “Zzzq Brockman”", with.Description);
        Assert.True(CustomIdCodec.TryDecode(with.Pick!.Choices[0].Value, out var action));
        Assert.Equal(CustomIdKind.WithKey, action.Target.Kind);
        Assert.StartsWith("Who worked with ", _handlers.Open(action.Target, action.Page, ephemeral: true).Title);

        var compare = _handlers.Compare(new CompareCommand("Alex Paino", "Zzzq Brockman"), ephemeral: false);
        Assert.Contains("No credited person matches “Zzzq Brockman”", compare.Description);
        Assert.True(CustomIdCodec.TryDecode(compare.Pick!.Choices[0].Value, out action));
        Assert.Equal(CustomIdKind.ComparePair, action.Target.Kind);
        Assert.StartsWith("Alex Paino and ", _handlers.Open(action.Target, action.Page, ephemeral: true).Title);
    }

    [Fact]
    public async Task The_router_answers_with_and_compare_commands_clicks_and_autocomplete()
    {
        var router = new InteractionRouter(_search, connections: _search);

        var with = (await router.HandleAsync(Parse(Payloads.Command("with", ("name", "greg brockman"), ("private", true))))).Response;
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, with.Type);
        var message = (MessagePayload)with.Data!;
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal("Who worked with Greg Brockman", message.Embeds![0].Title);

        var compare = (await router.HandleAsync(Parse(Payloads.Command("compare", ("a", "greg brockman"), ("b", "alex paino"))))).Response;
        Assert.Equal("Greg Brockman and Alex Paino", ((MessagePayload)compare.Data!).Embeds![0].Title);

        var click = (await router.HandleAsync(Parse(Payloads.Button("cr|w|" + _search.FindPerson("Person 001").Hits[0].Key + "|2")))).Response;
        Assert.Equal(InteractionCallbackType.UpdateMessage, click.Type);
        Assert.Equal("Page 3/10", ((MessagePayload)click.Data!).Embeds![0].Footer!.Text);

        foreach (var (sub, option) in new[] { ("with", "name"), ("compare", "a"), ("compare", "b") })
        {
            var choices = (await router.HandleAsync(Parse(Payloads.Autocomplete(sub, option, "alex pa")))).Response;
            Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, choices.Type);
            Assert.Contains(((AutocompletePayload)choices.Data!).Choices, c => c.Name == "Alex Paino");
        }
    }

    [Fact]
    public async Task Commands_need_their_names_and_a_search_without_connections_says_it_cannot_answer()
    {
        var router = new InteractionRouter(_search, connections: _search);
        var missing = (MessagePayload)(await router.HandleAsync(Parse(Payloads.Command("compare", ("a", "greg"))))).Response.Data!;
        Assert.Equal("/credits compare needs some text to look up.", missing.Content);
        Assert.Equal(MessageFlags.Ephemeral, missing.Flags);

        var without = (MessagePayload)(await new InteractionRouter(_search).HandleAsync(Parse(Payloads.Command("with", ("name", "greg"))))).Response.Data!;
        Assert.Equal(InteractionRouter.NoConnectionsMessage, without.Content);
    }
}
