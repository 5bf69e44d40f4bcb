using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Analysis;
using CreditsBot.Core.Search.Index;

namespace CreditsBot.Core.Tests.Search;

/// <summary>
/// Lookups that stop walking early, or that answer from tables built ahead, must give exactly the page that
/// scoring every section or person would give. Checked on a catalog whose titles, areas and names repeat
/// across many documents, so that pages fill long before the end and ties are everywhere.
/// </summary>
public class EarlyStoppingLookupTests
{
    private static readonly string[] Titles =
        ["Core contributors", "Data", "Dataset contributions", "Deployment", "Design", "Inference", "Infrastructure", "Kernels", "Policy research", "Compute cluster scaling"];

    private static readonly string[] Areas = ["Pretraining", "Vision", "Long context", "Deployment", "Evaluation & analysis"];

    private static readonly string[] Given = ["Anna", "Ana", "Andrea", "Chris", "Christopher", "Christine", "Łukasz", "Lukas", "Luca", "Mia", "Marta", "Matías"];

    private static readonly string[] Surnames = ["Kaiser", "Kim", "Kovač", "Müller", "Martin", "Marquez", "Dubois", "Chen", "Cho", "Zhang"];

    private static readonly Lazy<(CreditsSearchEngine Engine, CreditsIndexData Data)> Index = new(() =>
    {
        var random = new Random(5);
        // Document titles that share words with titles and areas, so that a word can be the document's in some sections only.
        string[] documentTitles = ["Project {0} contributions", "Vision data {0}", "Kernels {0} credits", "Design {0} contributors"];
        var documents = Enumerable.Range(0, 12).Select(d => new CreditsDocument($"project-{d}", string.Format(documentTitles[d % 4], d), $"p{d}.txt", null,
            Areas.Select(area => new CreditArea(area, Titles.Select(title => new CreditSection($"{title} {d % 3 + 1}",
                Enumerable.Range(0, 6).Select(_ => new Credit($"{Given[random.Next(Given.Length)]} {Surnames[random.Next(Surnames.Length)]}", null)).ToList()))
                .ToList())).ToList())).ToList();
        var catalog = new CreditsCatalog(documents, DateTimeOffset.UnixEpoch);
        using var analyzers = new SearchAnalyzers();
        return (TestCatalogs.Engine(catalog), CreditsIndexData.Build(catalog, analyzers));
    });

    /// <summary>Thousands of people sharing a few given names, so that common beginnings are worked out ahead.</summary>
    private static readonly Lazy<CreditsIndexData> ManyPeople = new(() =>
    {
        var random = new Random(9);
        string[] middles = ["", "Rose", "J.", "Lee", "Anne"];
        var names = (from g in Given from m in middles from a in Surnames from b in Surnames from c in Surnames.Take(4) select $"{g}{(m.Length > 0 ? " " + m : "")} {a} {b} {c}").ToArray();
        // Everyone once, and some far more often, so that how well known a person is differs.
        var credits = names.Concat(Enumerable.Range(0, names.Length).Select(_ => names[(int)(Math.Pow(random.NextDouble(), 2) * names.Length)]))
            .Select(name => new Credit(name, null))
            .ToList();
        var catalog = new CreditsCatalog([new CreditsDocument("many", "Many", "many.txt", null, [new CreditArea("People", [new CreditSection("Everyone", credits)])])], DateTimeOffset.UnixEpoch);
        using var analyzers = new SearchAnalyzers();
        return CreditsIndexData.Build(catalog, analyzers);
    });

    public static TheoryData<string> SectionTexts() =>
        ["con", "core", "core cont", "dat", "data 2", "dep", "desig", "infr", "inference 3", "vision da", "long cont", "pol res", "kernles", "projec", "zzz", "eval"];

    [Theory]
    [MemberData(nameof(SectionTexts))]
    public void Section_choices_are_the_best_of_every_section_scored(string text)
    {
        var (engine, data) = Index.Value;
        using var analyzers = new SearchAnalyzers();
        var tokens = AnalyzedText.Terms(analyzers.Folded, text, 16);
        var completion = new SectionCompletion(tokens, data.DescriptiveWords, data.SectionWordArrays);
        foreach (var limit in new[] { 1, 5, 25 })
        {
            var expected = data.Sections
                .Select(s => (s.Key, Score: completion.Score(s), s.Ordinal))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Ordinal)
                .Take(limit)
                .Select(x => x.Key);

            var actual = engine.Autocomplete(AutocompleteKind.Section, text, limit: limit).Select(c => c.Value);

            Assert.Equal(expected, actual);
        }
    }

    public static TheoryData<string, string?> WrittenSectionQueries() => new()
    {
        { "data", null }, { "core contributors", null }, { "vision data", null }, { "data 2", null }, { "inference 3", null },
        { "pretraining", null }, { "project 4", null }, { "contributions", null }, { "design vision 1", null },
        { "kernels long context", null }, { "deployment", null }, { "dataset contributions 2 on project 7", null },
        { "data", "project-3" }, { "core contributors team", "project-11" }, { "dat", null }, { "zzz data", null },
        { "kernels data", null }, { "design contributors", null }, { "vision kernels 2", null }, { "credits inference", null },
    };

    [Theory]
    [MemberData(nameof(WrittenSectionQueries))]
    public void Sections_with_the_words_as_written_are_the_ones_the_index_query_finds_scored_alike(string text, string? documentId)
    {
        var (_, data) = Index.Value;
        using var analyzers = new SearchAnalyzers();
        using var directory = new Lucene.Net.Store.RAMDirectory();
        CreditsIndexWriter.Write(directory, data, analyzers, "test");
        using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
        var searcher = new Lucene.Net.Search.IndexSearcher(reader);
        var query = DescriptiveQuery.Parse(analyzers, text, 8, data.DocumentIdWords, data.DescriptiveWords);
        if (documentId is not null)
            query = query.WithDocument(documentId);
        var common = query.CommonWords(reader, IndexFields.SectionTerms, data.Sections.Length);
        var lucene = query.Candidates(reader, IndexFields.SectionTerms, IndexFields.SectionWords, IndexFields.SectionDocumentId, fuzzy: false, allowMissing: false);
        foreach (var limit in new[] { 1, 10, 1000 })
        {
            var expected = QueryTerms.FirstHits(searcher, lucene, data.Sections.Length, new HashSet<int>())
                .Select(o => data.Sections[o])
                .Select(s => (s.Key, Score: SectionLookup.Score(s, query, common), s.Ordinal))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Ordinal)
                .Take(limit)
                .Select(x => (x.Key, x.Score));

            var actual = SectionLookup.WrittenCandidates(data, query, common, limit).Select(x => (x.Section.Key, x.Score));

            Assert.Equal(expected, actual);
        }
    }

    public static TheoryData<string> NameBeginnings() => ["a", "an", "ann", "chris", "christ", "łu", "lu", "m", "ma", "mat", "anna k", "zz"];

    [Theory]
    [MemberData(nameof(NameBeginnings))]
    public void Names_that_start_with_the_text_are_the_best_known_of_all_that_do(string text)
    {
        var data = ManyPeople.Value;
        Assert.True(data.People.Length > 20_000);
        using var analyzers = new SearchAnalyzers();
        var prefix = string.Join(' ', AnalyzedText.Terms(analyzers.Folded, text, 16));
        foreach (var count in new[] { 1, 10, 25 })
        {
            var expected = data.People
                .Where(p => p.ExactKeys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal) && (k.Contains(' ') || p.Tokens.Length < 2)))
                .Select(p => p.Ordinal)
                .Take(count);

            Assert.Equal(expected, data.NameBeginnings.First(prefix, count, new HashSet<int>()));
        }
    }
}
