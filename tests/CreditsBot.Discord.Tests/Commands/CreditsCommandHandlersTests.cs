using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Tests.Replies;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Commands;

public class CreditsCommandHandlersTests
{
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());
    private readonly CreditsCommandHandlers _handlers;

    public CreditsCommandHandlersTests() => _handlers = new CreditsCommandHandlers(_search);

    [Fact]
    public void Person_groups_credits_by_document_and_section_with_roles()
    {
        var reply = _handlers.Handle(new PersonCommand("Greg Brockman"), ephemeral: false);
        Assert.Equal("Greg Brockman", reply.Title);
        Assert.Contains("**3** credits", reply.Description);
        Assert.Equal(["GPT-4 contributions", "GPT-4V contributions"], reply.Fields.Select(f => f.Name));
        Assert.Equal("Pretraining › Core contributors — *Infrastructure lead*\nPretraining › Compute cluster scaling", reply.Fields[0].Value);
        Assert.Equal("Vision › Evaluation — *Evaluation lead*", reply.Fields[1].Value);
        Assert.False(reply.Ephemeral);
    }

    [Fact]
    public void A_section_named_like_its_area_is_not_repeated_in_the_path()
    {
        var area = new CreditsBot.Core.Model.CreditArea("Research contributions", []);
        var section = new CreditsBot.Core.Model.CreditSection("Research contributions", [new("Ada Lovelace", "Research lead")]);
        var document = new CreditsBot.Core.Model.CreditsDocument("notes", "Engine notes", "notes.txt", null, [area with { Sections = [section] }]);
        var search = new FakeCreditsSearch(new CreditsBot.Core.Model.CreditsCatalog([document], DateTimeOffset.UnixEpoch));

        var reply = new CreditsCommandHandlers(search).Handle(new PersonCommand("Ada Lovelace"), ephemeral: false);

        Assert.Equal("Engine notes", Assert.Single(reply.Fields).Name);
        Assert.Equal("Research contributions — *Research lead*", reply.Fields[0].Value);
    }

    [Fact]
    public void Person_shows_also_credited_as_and_links_to_known_document_pages()
    {
        var reply = _handlers.Handle(new PersonCommand("Greg Brockman"), ephemeral: true);
        Assert.Contains("Also credited as: Greg Brockmann", reply.Description);
        var link = Assert.Single(reply.Links); // GPT-4V has no URL
        Assert.Equal(TestCatalog.Gpt4Url, link.Url);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public void An_autocomplete_key_is_looked_up_directly()
    {
        var reply = _handlers.Handle(new PersonCommand(FakeCreditsSearch.PersonKey("Alex Paino")), ephemeral: false);
        Assert.Equal("Alex Paino", reply.Title);
    }

    [Fact]
    public void Other_matches_become_a_select_whose_options_open_them()
    {
        var reply = _handlers.Handle(new PersonCommand("Greg"), ephemeral: false);
        var choice = Assert.Single(reply.Pick!.Choices);
        Assert.Equal("Other matches…", reply.Pick.Placeholder);
        Assert.Equal("1 credit · GPT-4V contributions", choice.Description);
        Assert.True(CustomIdCodec.TryDecode(choice.Value, out var action));
        var opened = _handlers.Open(action.Target, action.Page, ephemeral: false);
        Assert.Equal(choice.Label, opened.Title);
        Assert.NotEqual(reply.Title, opened.Title);
    }

    [Fact]
    public void A_name_that_fits_several_people_equally_answers_none_of_them_and_offers_each()
    {
        var reply = _handlers.Handle(new PersonCommand("Person 01"), ephemeral: false);

        Assert.Equal("Several people match", reply.Title);
        Assert.Contains("10 people", reply.Description);
        Assert.True(reply.Ephemeral);
        Assert.Empty(reply.Fields);
        Assert.Equal("Who do you mean?", reply.Pick!.Placeholder);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => $"Person {i:000}"), reply.Pick.Choices.Select(c => c.Label));
        Assert.True(CustomIdCodec.TryDecode(reply.Pick.Choices[3].Value, out var action));
        Assert.Equal(CustomIdKind.PersonKey, action.Target.Kind);
        Assert.Equal("Person 013", _handlers.Open(action.Target, action.Page, ephemeral: false).Title);
    }

    [Fact]
    public void No_match_offers_did_you_mean_choices_that_rerun_the_lookup()
    {
        var reply = _handlers.Handle(new PersonCommand("Gxeg"), ephemeral: false);
        Assert.True(reply.Ephemeral);
        Assert.Equal("Did you mean…", reply.Pick!.Placeholder);
        var suggestion = reply.Pick.Choices[0];
        Assert.True(CustomIdCodec.TryDecode(suggestion.Value, out var action));
        Assert.Equal(CustomIdKind.PersonQuery, action.Target.Kind);
        Assert.Equal(suggestion.Label, _handlers.Open(action.Target, action.Page, ephemeral: false).Title);
    }

    [Fact]
    public void Paging_a_long_person_through_buttons_shows_every_credit_once()
    {
        var first = _handlers.Handle(new PersonCommand("Prolific Person"), ephemeral: false);
        Assert.NotNull(first.Pages);
        Assert.True(first.Pages.Count > 1);

        var seen = new List<string>();
        var reply = first;
        for (var i = 0; i < first.Pages.Count; i++)
        {
            ReplyBuilderTests.AssertWithinLimits((CreditsBot.Discord.Wire.MessagePayload)ReplyBuilder.Reply(reply).Data!);
            seen.AddRange(reply.Fields.SelectMany(f => f.Value.Split('\n')));
            Assert.Equal($"Page {i + 1}/{first.Pages.Count}", reply.Footer);
            var message = (CreditsBot.Discord.Wire.MessagePayload)ReplyBuilder.Update(reply).Data!;
            var next = message.Components![0].Components![1].CustomId;
            Assert.True(CustomIdCodec.TryDecode(next, out var action));
            reply = _handlers.Open(action.Target, action.Page, ephemeral: false); // as after a restart: only the custom id is known
        }
        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
    }

    [Fact]
    public void Section_lists_members_in_page_order_across_pages()
    {
        var reply = _handlers.Handle(new SectionCommand("Acknowledgements"), ephemeral: false);
        Assert.Contains("**95** people, in page order", reply.Description);
        Assert.Contains("1\\. **Person 001**", reply.Description);
        Assert.Equal(5, reply.Pages!.Count);
        var last = _handlers.Open(reply.Pages.Target, 4, ephemeral: false);
        Assert.Contains("95\\. **Person 095**", last.Description);
        Assert.DoesNotContain("Person 001", last.Description);
        Assert.Equal(TestCatalog.Gpt4Url, Assert.Single(reply.Links).Url);
    }

    [Fact]
    public void Section_can_be_limited_to_a_document()
    {
        Assert.Equal("No match", _handlers.Handle(new SectionCommand("Evaluation", "gpt-4"), ephemeral: false).Title);
        Assert.StartsWith("Evaluation", _handlers.Handle(new SectionCommand("Evaluation", "gpt-4v"), ephemeral: false).Title);
    }

    [Fact]
    public void Role_lists_holders_with_where_they_hold_it()
    {
        var reply = _handlers.Handle(new RoleCommand("triton lead"), ephemeral: false);
        Assert.Contains("**Alex Paino** — Triton lead (GPT-4 contributions › Inference research)", reply.Description);
    }

    [Fact]
    public void About_tells_what_is_indexed()
    {
        var reply = _handlers.Handle(new AboutCommand(), ephemeral: false);
        var catalog = TestCatalog.Create();
        Assert.Contains($"**{catalog.CreditCount}** credits", reply.Description);
        Assert.Contains("**2** documents", reply.Description);
        Assert.Equal(2, reply.Fields.Count);
    }

    [Fact]
    public void Page_text_is_escaped()
    {
        var reply = _handlers.Handle(new SectionCommand("Core contributors"), ephemeral: false);
        Assert.Contains("**Jane\\_Doe\\***", reply.Description);
    }

    [Theory]
    [InlineData("name:(a OR b)^3 AND *")]
    [InlineData("🙂🙂🙂")]
    [InlineData("\u0000\u0007\u001b[31m")]
    [InlineData("")]
    public void Hostile_queries_get_a_polite_answer(string query)
    {
        var reply = _handlers.Handle(new PersonCommand(query + new string('x', query.Length == 0 ? 0 : 6000)), ephemeral: false);
        Assert.Equal("No match", reply.Title);
        ReplyBuilderTests.AssertWithinLimits((CreditsBot.Discord.Wire.MessagePayload)ReplyBuilder.Reply(reply).Data!);
    }

    [Fact]
    public void A_button_for_a_person_no_longer_indexed_says_so()
    {
        var reply = _handlers.Open(new CustomIdTarget(CustomIdKind.PersonKey, "person:nobody"), 0, ephemeral: false);
        Assert.Contains("no longer", reply.Content);
    }

    [Fact]
    public void A_page_past_the_end_shows_the_last_page()
    {
        var reply = _handlers.Open(new CustomIdTarget(CustomIdKind.SectionKey, _handlers.Handle(new SectionCommand("Acknowledgements"), ephemeral: false).Pages!.Target.Argument), 999, ephemeral: false);
        Assert.Equal("Page 5/5", reply.Footer);
    }

    [Fact]
    public void Autocomplete_only_for_names_and_never_for_blank_text()
    {
        Assert.NotEmpty(_handlers.Autocomplete(new AutocompleteRequest("person", "name", "gr", null)));
        Assert.Empty(_handlers.Autocomplete(new AutocompleteRequest("person", "name", "  ", null)));
        Assert.Empty(_handlers.Autocomplete(new AutocompleteRequest("role", "query", "lead", null)));
        Assert.All(_handlers.Autocomplete(new AutocompleteRequest("section", "name", "e", "gpt-4v")), c => Assert.Contains("GPT-4V", c.Name));
    }

    [Fact]
    public void Documents_autocomplete_from_the_live_index()
    {
        Assert.Equal([("GPT-4 contributions", "gpt-4"), ("GPT-4V contributions", "gpt-4v")],
            _handlers.Autocomplete(new AutocompleteRequest("section", "document", "", null)).Select(c => (c.Name, c.Value)));
        Assert.Equal("gpt-4v", Assert.Single(_handlers.Autocomplete(new AutocompleteRequest("section", "document", "4v", null))).Value);
        _search.Ready = false;
        Assert.Empty(_handlers.Autocomplete(new AutocompleteRequest("section", "document", "", null)));
    }

    [Fact]
    public void A_private_answer_offers_to_post_the_same_page_and_a_public_one_does_not()
    {
        var reply = _handlers.Handle(new SectionCommand("Acknowledgements"), ephemeral: true);
        var post = Assert.Single(reply.Buttons);
        Assert.Equal("Post in channel", post.Label);
        Assert.True(CustomIdCodec.TryDecode(post.CustomId, out var action));
        Assert.True(action.Post);
        Assert.Equal((reply.Pages!.Target, 0), (action.Target, action.Page));
        var second = _handlers.Open(action.Target, 1, ephemeral: true);
        Assert.True(CustomIdCodec.TryDecode(Assert.Single(second.Buttons).CustomId, out var secondPost));
        Assert.Equal(1, secondPost.Page);

        Assert.Empty(_handlers.Handle(new SectionCommand("Acknowledgements"), ephemeral: false).Buttons);
    }

    [Fact]
    public void The_people_a_message_names_are_listed_with_their_main_credits()
    {
        var reply = _handlers.Handle(new MentionsCommand("Thanks to Greg Brockman and alex paino for the cluster work!"), ephemeral: true);
        Assert.Equal(["Greg Brockman", "Alex Paino"], reply.Fields.Select(f => f.Name));
        Assert.Contains("Pretraining › Core contributors — *Infrastructure lead*", reply.Fields[0].Value);
        Assert.Equal(["Greg Brockman", "Alex Paino"], reply.Pick!.Choices.Select(c => c.Label));
        Assert.Equal("Post in channel", Assert.Single(reply.Buttons).Label);
    }

    [Theory]
    [InlineData("We shipped the model and the data pipeline, great work everyone.")]
    [InlineData("Greg says hi")]
    [InlineData("")]
    public void Ordinary_words_and_a_lone_given_name_name_nobody(string text)
    {
        var reply = _handlers.Handle(new MentionsCommand(text), ephemeral: true);
        Assert.Empty(reply.Fields);
        Assert.Equal("No credited person is named in this message.", reply.Description);
    }

    [Fact]
    public void Many_people_in_a_message_page_through_their_custom_ids_alone()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"Person {i:000}").ToList();
        var reply = _handlers.Handle(new MentionsCommand(string.Join(", ", names)), ephemeral: true);
        Assert.Equal(12, reply.Pick!.Choices.Count);
        var seen = new List<string>();
        for (var page = 0; page < reply.Pages!.Count; page++)
        {
            var shown = _handlers.Open(reply.Pages.Target, page, ephemeral: true);
            ReplyBuilderTests.AssertWithinLimits((CreditsBot.Discord.Wire.MessagePayload)ReplyBuilder.Update(shown).Data!);
            seen.AddRange(shown.Fields.Select(f => f.Name));
        }
        Assert.Equal(names, seen);
    }

    [Fact]
    public void Every_key_fits_its_custom_id_even_when_longer_than_the_room()
    {
        // Two people whose names share their first 95 characters: the cut keys alone could not tell them apart.
        var stem = "Maximiliana " + string.Concat(Enumerable.Repeat("Vonderhagen-", 7)) + "Oberstrasse";
        var first = new CreditsBot.Core.Model.Credit(stem + " Alpha", "Lead");
        var second = new CreditsBot.Core.Model.Credit(stem + " Omega", null);
        var section = new CreditsBot.Core.Model.CreditSection("Long names", [first, second]);
        var document = new CreditsBot.Core.Model.CreditsDocument("long", "Long", "long.txt", null, [new("Area", [section])]);
        var handlers = new CreditsCommandHandlers(new FakeCreditsSearch(new CreditsBot.Core.Model.CreditsCatalog([document], DateTimeOffset.UnixEpoch)));

        // The shared start fits both equally: a choice between them, each opening its own page and Post button.
        var reply = handlers.Handle(new PersonCommand(stem), ephemeral: true);
        Assert.Equal([first.Person, second.Person], reply.Pick!.Choices.Select(c => c.Label));
        foreach (var (choice, person) in reply.Pick.Choices.Zip([first.Person, second.Person]))
        {
            Assert.InRange(choice.Value.Length, 1, DiscordLimits.CustomId);
            Assert.True(CustomIdCodec.TryDecode(choice.Value, out var action));
            var page = handlers.Open(action.Target, 0, ephemeral: true);
            Assert.Equal(person, page.Title);
            Assert.True(CustomIdCodec.TryDecode(Assert.Single(page.Buttons).CustomId, out var post));
            Assert.Equal(person, handlers.Open(post.Target, 0, ephemeral: false).Title);
        }
    }

    [Fact]
    public void The_bots_words_follow_the_culture_and_the_credits_stay_as_they_are()
    {
        using (DiscordLocales.Use(DiscordLocales.CultureFor("de")))
        {
            Assert.Equal("Keine Person aus den Credits passt zu „Nobody Here“.", _handlers.Handle(new PersonCommand("Nobody Here"), ephemeral: true).Description);
            var reply = _handlers.Handle(new PersonCommand("Greg Brockman"), ephemeral: true);
            Assert.Contains("**3** Credits in GPT-4 contributions", reply.Description);
            Assert.Equal("Pretraining › Core contributors — *Infrastructure lead*\nPretraining › Compute cluster scaling", reply.Fields[0].Value);
            Assert.Equal("Im Kanal posten", Assert.Single(reply.Buttons).Label);
        }
        using (DiscordLocales.Use(DiscordLocales.CultureFor("pt-BR")))
            Assert.Equal("Publicar no canal", Assert.Single(_handlers.Handle(new AboutCommand(), ephemeral: true).Buttons).Label);
        using (DiscordLocales.Use(DiscordLocales.CultureFor("ko")))
            Assert.Equal("No match", _handlers.Handle(new PersonCommand("Nobody Here"), ephemeral: true).Title);
    }
}
