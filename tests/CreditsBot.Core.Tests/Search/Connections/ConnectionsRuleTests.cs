using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;

namespace CreditsBot.Core.Tests.Search.Connections;

public class ConnectionsRuleTests
{
    private static string Key(ICreditsSearch search, string name) => search.FindPerson(name, 1).Hits[0].Key;

    private static CollaboratorsResult With(CreditsSearchEngine engine, string name) => engine.Collaborators(Key(engine, name), int.MaxValue)!;

    private static ComparisonResult Compare(CreditsSearchEngine engine, string a, string b) => engine.Compare(Key(engine, a), Key(engine, b))!;

    /// <summary>Distinct people: no two share a first or a last word, so none is a near spelling of another.</summary>
    private static string[] Names(int count, string prefix) => Enumerable.Range(1, count).Select(i => $"{prefix}{i:000} Member{i:000}").ToArray();

    [Fact]
    public void A_two_person_section_counts_one_and_a_101_person_list_a_hundredth()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Pair", ["Ada Lovelace", "Charles Babbage"]),
            ("Work", "Everyone", ["Ada Lovelace", "Mary Somerville", .. Names(99, "Crowd")])));

        var result = With(engine, "Ada Lovelace");

        Assert.Equal(101, result.Total);
        Assert.Equal("Charles Babbage", result.Collaborators[0].Person.Name);
        Assert.Equal(1.0, result.Collaborators[0].Score, 12);
        Assert.Equal(0.01, result.Collaborators[1].Score, 12);
        Assert.Equal(101, Assert.Single(result.Collaborators[1].Shared).Members);
    }

    [Fact]
    public void A_person_credited_twice_in_a_section_is_one_member_and_one_shared_section()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Trio", ["Ada Lovelace", "Charles Babbage — Engines", "Charles Babbage — Tables", "Mary Somerville"])));

        var result = With(engine, "Ada Lovelace");

        // Three distinct people: each other one counts 1/(3 − 1), once.
        Assert.All(result.Collaborators, c => Assert.Equal(0.5, c.Score, 12));
        Assert.Equal(3, Assert.Single(result.Collaborators[0].Shared).Members);
        var compared = Compare(engine, "Ada Lovelace", "Charles Babbage");
        Assert.Equal(["Engines", "Tables"], Assert.Single(compared.Shared).CreditsB.Select(c => c.Role));
    }

    [Fact]
    public void Spellings_the_search_counts_as_one_person_are_one_member_and_one_collaborator()
    {
        // "Madeline" and "Madelaine" are "also credited as" of each other; "Mely" and "Mély" are one indexed person.
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Team", ["Ada Lovelace", "Madeline Boyd", "Madelaine Boyd", "David Mély"]),
            ("Other", "Review", ["Madelaine Boyd", "Ada Lovelace"]),
            ("Other", "Audit", ["David Mely", "Ada Lovelace"])));

        var result = With(engine, "Ada Lovelace");

        Assert.Equal(2, result.Total);
        var boyd = result.Collaborators.Single(c => c.Person.Spellings.Contains("Madeline Boyd"));
        Assert.Equal(new HashSet<string> { "Madeline Boyd", "Madelaine Boyd" }, boyd.Person.Spellings.ToHashSet());
        Assert.Equal(3, boyd.Shared[0].Members);
        Assert.Equal(0.5 + 1.0, boyd.Score, 12);
        var mely = result.Collaborators.Single(c => c.Person.Spellings.Contains("David Mély"));
        Assert.Equal(1.5, mely.Score, 12);
        Assert.True(Compare(engine, "Madeline Boyd", "Madelaine Boyd").SamePerson);
    }

    [Fact]
    public void Equal_scores_go_to_more_shared_sections_then_to_page_order()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Big one", ["Ada Lovelace", "Zed Later", "Yan Earlier", "Xia Third"]),          // 1/3 each
            ("Work", "Small one", ["Ada Lovelace", "Wim Pair"]),                                    // Wim: 1
            ("Work", "Quad", ["Ada Lovelace", "Zed Later", "Vera Quad", "Uma Quad"]),              // 1/3 each
            ("Work", "Quad two", ["Ada Lovelace", "Zed Later", "Vera Quad", "Uma Quad"]),          // Zed: 1/3 × 3 = 1
            ("Work", "Six", ["Ada Lovelace", "Yan Earlier", "Xia Third", "Tom Six", "Sam Six", "Rob Six"])));

        var names = With(engine, "Ada Lovelace").Collaborators.Select(c => c.Person.Name).ToList();

        // Zed (1, three sections) before Wim (1, one section); Yan and Xia tie on score and sections: page order.
        Assert.Equal(["Zed Later", "Wim Pair", "Vera Quad", "Uma Quad", "Yan Earlier", "Xia Third"], names.Take(6));
    }

    [Fact]
    public void Compare_lists_the_sections_together_then_each_ones_own_with_roles()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Together", ["Ada Lovelace — Lead", "Charles Babbage — Engineer"]),
            ("Work", "Ada alone", ["Ada Lovelace — Writer"]),
            ("Work", "Charles elsewhere", ["Charles Babbage", "Mary Somerville"])));

        var result = Compare(engine, "Ada Lovelace", "Charles Babbage");

        var together = Assert.Single(result.Shared);
        Assert.Equal("Together", together.Section.Section.Title);
        Assert.Equal("Lead", Assert.Single(together.CreditsA).Role);
        Assert.Equal("Engineer", Assert.Single(together.CreditsB).Role);
        Assert.Equal("Writer", Assert.Single(Assert.Single(result.OnlyA).Credits).Role);
        Assert.Equal("Charles elsewhere", Assert.Single(result.OnlyB).Section.Section.Title);
        var step = Assert.Single(result.Chain!);
        Assert.Equal(("Ada Lovelace", "Charles Babbage", "Together"), (step.From.Name, step.To.Name, step.Section.Section.Title));
    }

    [Fact]
    public void The_chain_takes_the_fewest_steps_through_the_smallest_sections()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Crowd", ["Ada Lovelace", "Bob Crowd", .. Names(20, "Filler")]),
            ("Work", "Crowd end", ["Bob Crowd", "Zoe Target"]),
            ("Work", "Pair", ["Ada Lovelace", "Cleo Pair"]),
            ("Work", "Trio", ["Cleo Pair", "Zoe Target", "Dan Trio"]),
            ("Work", "Long way", ["Ada Lovelace", "Eve Long"]),
            ("Work", "Long way 2", ["Eve Long", "Fay Long"]),
            ("Work", "Long way 3", ["Fay Long", "Zoe Target"])));

        var chain = Compare(engine, "Ada Lovelace", "Zoe Target").Chain!;

        // Two steps either way; through Pair (2) and Trio (3) rather than Crowd (22) and Crowd end (2). Never three steps.
        Assert.Equal(["Pair", "Trio"], chain.Select(s => s.Section.Section.Title));
        Assert.Equal(["Ada Lovelace", "Cleo Pair"], chain.Select(s => s.From.Name));
        Assert.Equal("Zoe Target", chain[^1].To.Name);
    }

    [Fact]
    public void Four_steps_are_found_and_five_are_no_link()
    {
        var people = new[] { "Ann One", "Ben Two", "Cat Three", "Dov Four", "Eli Five", "Fia Six" };
        var links = people.Zip(people.Skip(1)).Select((p, i) => ("Chain", $"Link {i}", new[] { p.First, p.Second })).ToArray();
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p", links));

        Assert.Equal(4, Compare(engine, "Ann One", "Eli Five").Chain!.Count);
        var far = Compare(engine, "Ann One", "Fia Six");
        Assert.Null(far.Chain);
        Assert.Empty(far.Shared);
    }

    [Fact]
    public void Someone_alone_in_their_sections_has_no_collaborators_and_an_unknown_key_gives_null()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p",
            ("Work", "Solo", ["Ada Lovelace"]),
            ("Work", "Pair", ["Charles Babbage", "Mary Somerville"])));

        var result = With(engine, "Ada Lovelace");

        Assert.Equal(0, result.Total);
        Assert.Empty(result.Collaborators);
        Assert.Null(Compare(engine, "Ada Lovelace", "Charles Babbage").Chain);
        Assert.Null(engine.Collaborators("no such key"));
        Assert.Null(engine.Compare("no such key", Key(engine, "Ada Lovelace")));
        using var empty = new CreditsSearchEngine();
        Assert.Null(empty.Collaborators(Key(engine, "Ada Lovelace")));
    }

    [Fact]
    public void A_new_index_replaces_the_connections_with_it()
    {
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("p", ("Work", "Pair", ["Ada Lovelace", "Charles Babbage"])));
        engine.Publish(TestCatalogs.Build("p", ("Work", "Pair", ["Ada Lovelace", "Mary Somerville"])), "second");

        Assert.Equal("Mary Somerville", Assert.Single(With(engine, "Ada Lovelace").Collaborators).Person.Name);
    }
}
