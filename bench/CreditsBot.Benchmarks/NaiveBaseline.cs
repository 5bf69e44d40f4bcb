using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Analysis;

namespace CreditsBot.Benchmarks;

/// <summary>
/// What a first attempt would do: fold every name once, then scan all of them per query with an edit
/// distance (persons), substring tests (autocomplete of people and sections) or word overlap (roles, sections).
/// </summary>
internal sealed class NaiveBaseline
{
    private readonly string[] names;
    private readonly string[] sections;
    private readonly (string Person, string Role)[] roles;
    private readonly string[] sectionNames;

    public NaiveBaseline(CreditsCatalog catalog)
    {
        names = catalog.Entries().Select(e => e.Person).Distinct(StringComparer.Ordinal).Select(Fold).ToArray();
        sections = catalog.Documents.SelectMany(d => d.Areas.SelectMany(a => a.Sections.Select(s => Fold($"{s.Title} {a.Title} {d.Title}")))).ToArray();
        sectionNames = catalog.Documents.SelectMany(d => d.Areas.SelectMany(a => a.Sections.Select(s => Fold($"{s.Title} {a.Title}")))).ToArray();
        roles = catalog.Entries().Where(e => e.Role is not null).Select(e => (e.Person, Fold(e.Role!))).ToArray();
    }

    private static readonly FoldedWordsAnalyzer Analyzer = new();

    public static string Fold(string text) => string.Join(' ', AnalyzedText.Terms(Analyzer, text, 16));

    public string? Person(string query)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            var distance = TextDistance.Edits(query, name, 3);
            if (distance < bestDistance)
                (best, bestDistance) = (name, distance);
        }
        return bestDistance <= 3 ? best : null;
    }

    public int Autocomplete(string prefix) => WordsStartingWith(names, prefix);

    /// <summary>Section titles and areas with a word starting with the text, as the person scan does it.</summary>
    public int SectionAutocomplete(string prefix) => WordsStartingWith(sectionNames, prefix);

    /// <summary>How many of the texts have a word starting with the prefix, at most a page of 25.</summary>
    private static int WordsStartingWith(string[] texts, string prefix)
    {
        var count = 0;
        foreach (var text in texts)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal) || text.Contains(" " + prefix, StringComparison.Ordinal))
                count++;
        }
        return Math.Min(count, 25);
    }

    public int Role(string query)
    {
        var words = query.Split(' ');
        return roles.Count(r => words.All(w => r.Role.Contains(w, StringComparison.Ordinal)));
    }

    public int Section(string query)
    {
        var words = query.Split(' ');
        return sections.Count(s => words.All(w => s.Contains(w, StringComparison.Ordinal)));
    }
}
