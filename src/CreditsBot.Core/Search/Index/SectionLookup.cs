using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Section lookup: every query word must match the section's title, its area or its document (as written,
/// stemmed, abbreviated or within an edit); title words weigh most, then a title the query covers fully,
/// then page order. "Vision / Data" finds Data under Vision before Data under Pretraining.
/// </summary>
internal static class SectionLookup
{
    private const int CandidateCap = 5000;

    public static List<(IndexedSection Section, double Score)> Find(
        SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, string? documentId, int limit)
    {
        // Words as written first; building typo automata only when they find nothing keeps the common case fast.
        var found = Candidates(generation, searcher, tokens, documentId, limit, fuzzy: false);
        if (found.Count == 0)
            found = Candidates(generation, searcher, tokens, documentId, limit, fuzzy: true);
        // Three words or more may carry one that no title has ("vision data team").
        if (found.Count == 0 && tokens.Count >= 3)
            found = Candidates(generation, searcher, tokens, documentId, limit, fuzzy: true, allowMissing: 1);
        return found;
    }

    private static List<(IndexedSection Section, double Score)> Candidates(
        SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, string? documentId, int limit, bool fuzzy,
        int allowMissing = 0)
    {
        var data = generation.Data;
        var query = new BooleanQuery();
        foreach (var token in tokens)
            query.Add(Group(searcher.IndexReader, token, fuzzy), allowMissing == 0 ? Occur.MUST : Occur.SHOULD);
        if (allowMissing > 0)
            query.MinimumNumberShouldMatch = tokens.Count - allowMissing;
        return QueryTerms.FirstHits(searcher, query, CandidateCap, new HashSet<int>())
            .Select(o => data.Sections[o])
            .Where(s => documentId is null || string.Equals(s.Document.Id, documentId, StringComparison.OrdinalIgnoreCase))
            .Select(s => (Section: s, Score: Score(s, tokens, allowMissing)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Section.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>Sections matching any of the words, best first (for "did you mean").</summary>
    public static List<string> Suggest(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int count)
    {
        var reader = searcher.IndexReader;
        var alternatives = new List<Query>();
        foreach (var token in tokens)
        {
            foreach (var field in Fields)
            {
                alternatives.Add(QueryTerms.Term(field, token));
                if (token.Length >= 4)
                    alternatives.Add(TermExpansion.Fuzzy(reader, field, token, 2, prefixLength: 0));
            }
        }
        return QueryTerms.Suggestions(searcher, alternatives, count, count, o => generation.Data.Sections[o].DisplayName, StringComparer.Ordinal);
    }

    private static readonly string[] Fields = [IndexFields.SectionTitle, IndexFields.SectionArea, IndexFields.SectionDocument];

    private static Query Group(IndexReader reader, string token, bool fuzzy)
    {
        var alternatives = new List<Query>();
        var edits = fuzzy ? TextDistance.AllowedEdits(token.Length) : 0;
        foreach (var field in Fields)
        {
            alternatives.Add(QueryTerms.Term(field, token));
            if (edits > 0)
                alternatives.Add(TermExpansion.Fuzzy(reader, field, token, edits, prefixLength: 1));
        }
        return QueryTerms.AnyOf(alternatives);
    }

    /// <summary>0 when a word matches nothing; otherwise higher for title words, full title coverage and literal words.</summary>
    internal static double Score(IndexedSection section, IReadOnlyList<string> tokens, int allowMissing = 0)
    {
        var total = 0.0;
        var missing = 0;
        var titleCovered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var best = Best(token, section.TitleTokens, 3.0, titleCovered);
            best = Math.Max(best, Best(token, section.AreaTokens, 2.0, null));
            best = Math.Max(best, Best(token, section.DocumentTokens, 1.5, null));
            if (best <= 0)
            {
                if (++missing > allowMissing)
                    return 0;
                continue;
            }
            total += best;
        }
        var titleTokens = section.TitleTokens.Distinct(StringComparer.Ordinal).Count();
        var coverage = titleTokens == 0 ? 0 : titleCovered.Count / (double)titleTokens;
        return Math.Round(10 * total / tokens.Count + 4 * Math.Min(coverage, 1), 3);
    }

    private static double Best(string token, string[] words, double weight, HashSet<string>? covered)
    {
        var best = 0.0;
        string? which = null;
        var allowed = TextDistance.AllowedEdits(token.Length);
        foreach (var word in words)
        {
            double score = 0;
            if (word == token)
                score = weight;
            else if (allowed > 0 && word.Length > 0 && word[0] == token[0] && TextDistance.Edits(token, word, allowed) <= allowed)
                score = weight * 0.6;
            if (score > best)
                (best, which) = (score, word);
        }
        if (which is not null)
            covered?.Add(which);
        return best;
    }
}
