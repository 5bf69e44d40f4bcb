using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

/// <summary>The people a message names, found on the bundled pages with the person lookup's own tolerance.</summary>
public class MentionFinderTests
{
    private static List<string> Named(string text) => SeedSearch.Instance.FindMentions(text).Select(m => m.Person.Name).ToList();

    [Fact]
    public void Full_names_are_found_in_order_with_a_slip_or_without_accents()
    {
        Assert.Equal(["Greg Brockman", "Jakub Pachocki", "Ilya Sutskever"],
            Named("Huge thanks to Greg Brockman, Jakub Pachoki and Ilya Sutskever for the launch!"));
        Assert.Equal(["Łukasz Kaiser", "David Mély"], Named("lukasz kaiser and David Mely ran the data work"));
    }

    [Fact]
    public void Each_person_is_listed_once_with_the_words_that_named_them()
    {
        var found = SeedSearch.Instance.FindMentions("Jeff Wu said Jeff Wu would ask jeff wu");
        var mention = Assert.Single(found);
        Assert.Equal(("Jeff Wu", "Jeff Wu"), (mention.Person.Name, mention.Words));
    }

    [Fact]
    public void The_words_that_name_a_person_are_the_name_itself_not_the_words_around_it()
    {
        var found = SeedSearch.Instance.FindMentions("Thanks for Greg Brockman and Dr Jakub Pachocki, the Long context lead Lukasz Kaiser");
        Assert.Equal(["Greg Brockman", "Jakub Pachocki", "Lukasz Kaiser"], found.Select(m => m.Words));
    }

    [Theory]
    [InlineData("We thank Microsoft for their partnership, especially Microsoft Azure for supporting model training with infrastructure design and management.")]
    [InlineData("The long context research and the data infrastructure were great; the vision team did the evaluation.")]
    [InlineData("Greg, Jakub and Ilya said hi.")]
    [InlineData("Greg Brock was here")]
    [InlineData("")]
    public void Ordinary_words_lone_given_names_and_word_beginnings_name_nobody(string text) => Assert.Empty(Named(text));

    [Fact]
    public void A_long_text_is_read_up_to_its_cap_and_never_fails()
    {
        var text = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet, ", 400)) + "Greg Brockman";
        Assert.True(text.Length > MentionFinder.MaxTextLength);
        Assert.Empty(Named(text));
        Assert.Equal(["Greg Brockman"], Named("Greg Brockman " + text));
    }

    [Fact]
    public void Runs_of_ordinary_words_are_not_looked_up_and_each_word_alone_at_most_once()
    {
        var search = new CountingSearch(SeedSearch.Instance);
        var finder = (ICreditsSearch)search;
        var found = finder.FindMentions("the model and the data pipeline shipped; the model is good, thanks to Greg Brockman");

        Assert.Equal(["Greg Brockman"], found.Select(m => m.Person.Name));
        Assert.Contains("Greg Brockman", search.Lookups);
        Assert.DoesNotContain("the model", search.Lookups, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("data pipeline", search.Lookups, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(search.Lookups.Count, search.Lookups.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    /// <summary>The seeds' search, noting every person lookup.</summary>
    private sealed class CountingSearch(ICreditsSearch inner) : ICreditsSearch
    {
        public List<string> Lookups { get; } = [];
        public bool IsReady => inner.IsReady;
        public IndexSummary? Summary => inner.Summary;

        public PersonResult FindPerson(string query, int limit = 10)
        {
            Lookups.Add(query);
            return inner.FindPerson(query, limit);
        }

        public PersonHit? GetPerson(string key) => inner.GetPerson(key);
        public SectionResult FindSection(string query, string? documentId = null, int limit = 10) => inner.FindSection(query, documentId, limit);
        public SectionHit? GetSection(string key) => inner.GetSection(key);
        public RoleResult FindRole(string query, int limit = 10) => inner.FindRole(query, limit);

        public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteKind kind, string text, string? documentId = null, int limit = 25) =>
            inner.Autocomplete(kind, text, documentId, limit);
    }
}
