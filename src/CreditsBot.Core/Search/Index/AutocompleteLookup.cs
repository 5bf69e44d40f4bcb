using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// As-you-type choices. People: names that start with the text, then every word whole but the last as a
/// prefix, then every word as a prefix, then (from four letters) within an edit; best-known first inside
/// each tier. Sections: a scan of the (few) sections over unstemmed title, area and document words.
/// </summary>
internal static class AutocompleteLookup
{
    public static List<IndexedPerson> People(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int limit)
    {
        var data = generation.Data;
        if (tokens.Count == 0)
            return data.People.Take(limit).ToList();

        var found = new HashSet<int>();
        var ordered = new List<int>();
        void RunTier(Query query)
        {
            foreach (var ordinal in QueryTerms.FirstHits(searcher, query, limit - ordered.Count, found))
            {
                found.Add(ordinal);
                ordered.Add(ordinal);
            }
        }

        var last = tokens[^1];
        RunTier(QueryTerms.Prefix(IndexFields.PersonExact, string.Join(' ', tokens)));
        if (ordered.Count < limit)
        {
            RunTier(QueryTerms.AllOf(tokens.Take(tokens.Count - 1).Select(t => Word(searcher.IndexReader, t, prefix: false, fuzzy: false))
                .Append(QueryTerms.AnyOf([QueryTerms.Term(IndexFields.PersonTokens, last), TermExpansion.Prefix(searcher.IndexReader, IndexFields.PersonTokens, last)]))));
        }
        if (ordered.Count < limit && tokens.Count > 1)
            RunTier(QueryTerms.AllOf(tokens.Select(t => Word(searcher.IndexReader, t, prefix: true, fuzzy: false))));
        if (ordered.Count < limit && tokens.Any(t => t.Length >= 4))
            RunTier(QueryTerms.AllOf(tokens.Select(t => Word(searcher.IndexReader, t, prefix: true, fuzzy: true))));
        return ordered.Select(o => data.People[o]).ToList();
    }

    public static List<IndexedSection> Sections(SearchGeneration generation, IReadOnlyList<string> tokens, string? documentId, int limit)
    {
        var candidates = generation.Data.Sections
            .Where(s => documentId is null || string.Equals(s.Document.Id, documentId, StringComparison.OrdinalIgnoreCase));
        if (tokens.Count == 0)
            return candidates.Take(limit).ToList();
        var joined = string.Join(' ', tokens);
        return candidates
            .Select(s => (Section: s, Score: Score(s, tokens, joined)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Section.Ordinal)
            .Take(limit)
            .Select(x => x.Section)
            .ToList();
    }

    private static Query Word(IndexReader reader, string token, bool prefix, bool fuzzy)
    {
        var alternatives = new List<Query> { QueryTerms.Term(IndexFields.PersonTokens, token) };
        alternatives.AddRange(GivenNameForms.OtherForms(token).Select(f => QueryTerms.Term(IndexFields.PersonTokens, f)));
        if (prefix)
            alternatives.Add(TermExpansion.Prefix(reader, IndexFields.PersonTokens, token));
        var edits = TextDistance.AllowedEdits(token.Length);
        if (fuzzy && edits > 0)
            alternatives.Add(TermExpansion.Fuzzy(reader, IndexFields.PersonTokens, token, edits, prefixLength: 1));
        return QueryTerms.AnyOf(alternatives);
    }

    private static double Score(IndexedSection section, IReadOnlyList<string> tokens, string joined)
    {
        var total = 0.0;
        foreach (var token in tokens)
        {
            var best = Math.Max(Best(token, section.TitleWords, 3), Math.Max(Best(token, section.AreaWords, 2), Best(token, section.DocumentWords, 1.5)));
            if (best <= 0)
                return 0;
            total += best;
        }
        var titleStart = string.Join(' ', section.TitleWords).StartsWith(joined, StringComparison.Ordinal) ? 2 : 0;
        return total / tokens.Count + titleStart;
    }

    private static double Best(string token, string[] words, double weight)
    {
        var best = 0.0;
        var allowed = TextDistance.AllowedEdits(token.Length);
        foreach (var word in words)
        {
            var score = word == token ? weight
                : word.StartsWith(token, StringComparison.Ordinal) ? weight * 0.85
                : allowed > 0 && word.Length > 0 && word[0] == token[0] && TextDistance.Edits(token, word.Length > token.Length ? word[..token.Length] : word, allowed) <= allowed ? weight * 0.5
                : 0;
            best = Math.Max(best, score);
        }
        return best;
    }
}
