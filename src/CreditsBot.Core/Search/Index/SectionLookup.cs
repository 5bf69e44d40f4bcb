using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Section lookup: every required query word must match the section's title, its area or its document (as
/// written, stemmed, in a short form, or with a slip the <see cref="WordSimilarity"/> budget allows); title
/// words weigh most, then a title and area the query covers fully, then page order. "Vision / Data" finds
/// Data under Vision before Data under Pretraining. Every candidate is scored: the document filter is part
/// of the query, nothing is cut before scoring.
/// </summary>
internal static class SectionLookup
{
    private const double TitleWeight = 3, AreaWeight = 2.5, DocumentWeight = 1.5;

    public static List<(IndexedSection Section, double Score)> Find(
        SearchGeneration generation, IndexSearcher searcher, SearchAnalyzers analyzers, DescriptiveQuery query, int limit)
    {
        var found = FindAsTyped(generation, searcher, query, limit);
        // Two words typed for one ("pre training", "co ntributors"): each neighbouring pair joined.
        for (var i = 0; found.Count == 0 && query.Words.Count <= 4 && i < query.Words.Count - 1; i++)
        {
            if (query.Joined(analyzers, i) is { } joined)
                found = FindAsTyped(generation, searcher, joined, limit);
        }
        return found;
    }

    private static List<(IndexedSection Section, double Score)> FindAsTyped(
        SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, int limit)
    {
        if (query.Required == 0)
            return [];
        // Words as written first; typo expansions only when they find nothing keeps the common case fast.
        var found = Candidates(generation, searcher, query, limit, fuzzy: false, allowMissing: false);
        if (found.Count == 0)
            found = Candidates(generation, searcher, query, limit, fuzzy: true, allowMissing: false);
        // Three words or more may carry one that no title has ("vision data team").
        if (found.Count == 0 && query.Required >= 3)
            found = Candidates(generation, searcher, query, limit, fuzzy: true, allowMissing: true);
        return found;
    }

    private static List<(IndexedSection Section, double Score)> Candidates(
        SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, int limit, bool fuzzy, bool allowMissing)
    {
        var data = generation.Data;
        var lucene = query.Candidates(searcher.IndexReader, IndexFields.SectionTerms, IndexFields.SectionWords, IndexFields.SectionDocumentId, fuzzy, allowMissing);
        return QueryTerms.FirstHits(searcher, lucene, data.Sections.Length, new HashSet<int>())
            .Select(o => data.Sections[o])
            .Select(s => (Section: s, Score: Score(s, query, allowMissing ? 1 : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Section.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>Sections matching any of the words, best first (for "did you mean").</summary>
    public static List<string> Suggest(SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, int count)
    {
        var reader = searcher.IndexReader;
        var alternatives = query.Words
            .Select(w => DescriptiveQuery.Clause(reader, w, IndexFields.SectionTerms, IndexFields.SectionWords, fuzzy: w.Folded.Length >= 4))
            .ToList();
        return QueryTerms.Suggestions(searcher, alternatives, count, count, o => generation.Data.Sections[o].DisplayName, StringComparer.Ordinal);
    }

    /// <summary>0 when a required word matches nothing; otherwise higher for title words, a fully covered title and area, literal words.</summary>
    internal static double Score(IndexedSection section, DescriptiveQuery query, int allowMissing = 0) => query.Score(
        [
            new DescribedField(section.TitleTokens, section.TitleWords, TitleWeight, Covers: true),
            new DescribedField(section.AreaTokens, section.AreaWords, AreaWeight, Covers: true),
            new DescribedField(section.DocumentTokens, section.DocumentWords, DocumentWeight, Covers: false),
        ],
        section.DescribedWordCount, coverageWeight: 6, allowMissing);
}
