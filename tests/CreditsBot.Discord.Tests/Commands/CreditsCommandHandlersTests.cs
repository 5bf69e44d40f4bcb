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
        var reply = _handlers.Person(new PersonCommand("Greg Brockman"));
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

        var reply = new CreditsCommandHandlers(search).Person(new PersonCommand("Ada Lovelace"));

        Assert.Equal("Engine notes", Assert.Single(reply.Fields).Name);
        Assert.Equal("Research contributions — *Research lead*", reply.Fields[0].Value);
    }

    [Fact]
    public void Person_shows_also_credited_as_and_links_to_known_document_pages()
    {
        var reply = _handlers.Person(new PersonCommand("Greg Brockman", Private: true));
        Assert.Contains("Also credited as: Greg Brockmann", reply.Description);
        var link = Assert.Single(reply.Links); // GPT-4V has no URL
        Assert.Equal(TestCatalog.Gpt4Url, link.Url);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public void An_autocomplete_key_is_looked_up_directly()
    {
        var reply = _handlers.Person(new PersonCommand(FakeCreditsSearch.PersonKey("Alex Paino")));
        Assert.Equal("Alex Paino", reply.Title);
    }

    [Fact]
    public void Other_matches_become_buttons_that_open_them()
    {
        var reply = _handlers.Person(new PersonCommand("Greg"));
        var button = Assert.Single(reply.Buttons);
        Assert.True(CustomIdCodec.TryDecode(button.CustomId, out var target, out var page));
        var opened = _handlers.Button(target, page);
        Assert.Equal(button.Label, opened.Title);
        Assert.NotEqual(reply.Title, opened.Title);
    }

    [Fact]
    public void No_match_offers_did_you_mean_buttons_that_rerun_the_lookup()
    {
        var reply = _handlers.Person(new PersonCommand("Gxeg"));
        Assert.True(reply.Ephemeral);
        Assert.Contains("Did you mean", reply.Description);
        Assert.NotEmpty(reply.Buttons);
        var suggestion = reply.Buttons[0];
        Assert.True(CustomIdCodec.TryDecode(suggestion.CustomId, out var target, out var page));
        Assert.Equal(CustomIdKind.PersonQuery, target.Kind);
        Assert.Equal(suggestion.Label, _handlers.Button(target, page).Title);
    }

    [Fact]
    public void Paging_a_long_person_through_buttons_shows_every_credit_once()
    {
        var first = _handlers.Person(new PersonCommand("Prolific Person"));
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
            Assert.True(CustomIdCodec.TryDecode(next, out var target, out var page));
            reply = _handlers.Button(target, page); // as after a restart: only the custom id is known
        }
        Assert.Equal(40, seen.Count);
        Assert.Equal(40, seen.Distinct().Count());
    }

    [Fact]
    public void Section_lists_members_in_page_order_across_pages()
    {
        var reply = _handlers.Section(new SectionCommand("Acknowledgements"));
        Assert.Contains("**95** people, in page order", reply.Description);
        Assert.Contains("1\\. **Person 001**", reply.Description);
        Assert.Equal(5, reply.Pages!.Count);
        var last = _handlers.Button(reply.Pages.Target, 4);
        Assert.Contains("95\\. **Person 095**", last.Description);
        Assert.DoesNotContain("Person 001", last.Description);
        Assert.Equal(TestCatalog.Gpt4Url, Assert.Single(reply.Links).Url);
    }

    [Fact]
    public void Section_can_be_limited_to_a_document()
    {
        Assert.Equal("No match", _handlers.Section(new SectionCommand("Evaluation", "gpt-4")).Title);
        Assert.StartsWith("Evaluation", _handlers.Section(new SectionCommand("Evaluation", "gpt-4v")).Title);
    }

    [Fact]
    public void Role_lists_holders_with_where_they_hold_it()
    {
        var reply = _handlers.Role(new RoleCommand("triton lead"));
        Assert.Contains("**Alex Paino** — Triton lead (GPT-4 contributions › Inference research)", reply.Description);
    }

    [Fact]
    public void About_tells_what_is_indexed()
    {
        var reply = _handlers.About(new AboutCommand());
        var catalog = TestCatalog.Create();
        Assert.Contains($"**{catalog.CreditCount}** credits", reply.Description);
        Assert.Contains("**2** documents", reply.Description);
        Assert.Equal(2, reply.Fields.Count);
    }

    [Fact]
    public void Page_text_is_escaped()
    {
        var reply = _handlers.Section(new SectionCommand("Core contributors"));
        Assert.Contains("**Jane\\_Doe\\***", reply.Description);
    }

    [Theory]
    [InlineData("name:(a OR b)^3 AND *")]
    [InlineData("🙂🙂🙂")]
    [InlineData("\u0000\u0007\u001b[31m")]
    [InlineData("")]
    public void Hostile_queries_get_a_polite_answer(string query)
    {
        var reply = _handlers.Person(new PersonCommand(query + new string('x', query.Length == 0 ? 0 : 6000)));
        Assert.Equal("No match", reply.Title);
        ReplyBuilderTests.AssertWithinLimits((CreditsBot.Discord.Wire.MessagePayload)ReplyBuilder.Reply(reply).Data!);
    }

    [Fact]
    public void A_button_for_a_person_no_longer_indexed_says_so()
    {
        var reply = _handlers.Button(new CustomIdTarget(CustomIdKind.PersonKey, "person:nobody"), 0);
        Assert.Contains("no longer", reply.Content);
    }

    [Fact]
    public void A_page_past_the_end_shows_the_last_page()
    {
        var reply = _handlers.Button(new CustomIdTarget(CustomIdKind.SectionKey, _handlers.Section(new SectionCommand("Acknowledgements")).Pages!.Target.Argument), 999);
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
}
