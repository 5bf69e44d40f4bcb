using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

public class HostileInputTests
{
    public static TheoryData<string> HostileQueries() =>
    [
        "name:*", "a AND OR (", "*", "~", "?", "\"", "\\", "+-&&||!(){}[]^\"~*?:\\/", "Greg~2", "Brock*", "[a TO z]",
        new string('a', 6000), string.Concat(Enumerable.Repeat("Greg Brockman ", 500)), string.Concat(Enumerable.Repeat("🙂", 3000)),
        "\u0000\u0001\u0002\u001f", "\u202e\u202d\u2066\u2069\u200f", "\ud800", "\udc00abc", "…!?¿¡", "   ", "",
        string.Join(' ', Enumerable.Range(0, 2000).Select(i => "w" + i)), "x" + new string('\u0301', 5000), "ǅǈǋ ﬁ ﬂ ㍿",
    ];

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public void Hostile_queries_never_throw_and_match_nothing_that_is_not_there(string query)
    {
        var search = SeedSearch.Instance;

        var person = search.FindPerson(query);
        var section = search.FindSection(query);
        var role = search.FindRole(query);
        var people = search.Autocomplete(AutocompleteKind.Person, query);
        var sections = search.Autocomplete(AutocompleteKind.Section, query);

        Assert.True(person.Query.Length <= CreditsSearchEngine.MaxQueryLength);
        Assert.All(person.Hits, h => Assert.NotEmpty(h.Credits));
        Assert.True(section.Hits.Count <= 10 && role.Hits.Count <= 10);
        Assert.True(people.Count <= 25 && sections.Count <= 25);
    }

    [Fact]
    public void Lucene_syntax_is_not_interpreted()
    {
        var search = SeedSearch.Instance;

        Assert.Empty(search.FindPerson("name:*").Hits);
        Assert.Empty(search.FindPerson("*").Hits);
        Assert.Empty(search.FindRole("*").Hits);
        Assert.Empty(search.FindSection("a AND OR (").Hits);
        // The words around the syntax still count as words.
        Assert.Equal("Greg Brockman", search.FindPerson("Greg~ Brockman*").Hits[0].Name);
    }

    [Fact]
    public void A_long_query_is_cut_and_still_answered()
    {
        var result = SeedSearch.Instance.FindPerson("Greg Brockman" + new string(' ', 10) + new string('z', 6000));

        Assert.Equal(CreditsSearchEngine.MaxQueryLength, result.Query.Length);
    }

    [Fact]
    public void Before_the_first_index_every_lookup_is_empty()
    {
        using var engine = new CreditsSearchEngine();

        Assert.False(engine.IsReady);
        Assert.Null(engine.Summary);
        Assert.Empty(engine.FindPerson("Greg Brockman").Hits);
        Assert.Empty(engine.FindSection("Data").Hits);
        Assert.Empty(engine.FindRole("lead").Hits);
        Assert.Empty(engine.Autocomplete(AutocompleteKind.Person, "gr"));
        Assert.Null(engine.GetPerson("greg brockman"));
    }
}
