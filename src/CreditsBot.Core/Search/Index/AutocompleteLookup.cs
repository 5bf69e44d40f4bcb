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
    public static List<IndexedPerson> People(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, IReadOnlyList<string> accented, int limit)
    {
        var data = generation.Data;
        if (tokens.Count == 0)
            return data.People.Take(limit).ToList();

        var reader = searcher.IndexReader;
        var found = new HashSet<int>();
        var ordered = new List<int>();
        var joined = string.Join(' ', tokens);
        void RunTier(Query query)
        {
            var tier = QueryTerms.FirstHits(searcher, query, limit - ordered.Count, found);
            // Inside a tier: a typed accent or special letter ranks the names that have it first ("Łu" → Łukasz
            // before Luke), then names that start with the text before those matched through a nickname form.
            var ranked = tier
                .OrderByDescending(o => accented.Count > 0 && HasAccented(data.People[o], accented))
                .ThenByDescending(o => data.People[o].Key.StartsWith(joined, StringComparison.Ordinal));
            foreach (var ordinal in ranked)
            {
                found.Add(ordinal);
                ordered.Add(ordinal);
            }
        }

        var last = tokens[^1];
        RunTier(QueryTerms.Prefix(IndexFields.PersonExact, joined));
        if (ordered.Count < limit)
        {
            RunTier(QueryTerms.AllOf(tokens.Take(tokens.Count - 1).Select(t => Word(reader, t, prefix: false))
                .Append(QueryTerms.AnyOf([QueryTerms.Term(IndexFields.PersonTokens, last), TermExpansion.Prefix(reader, IndexFields.PersonTokens, last)]))));
        }
        if (ordered.Count < limit && tokens.Count > 1)
            RunTier(QueryTerms.AllOf(tokens.Select(t => Word(reader, t, prefix: true))));
        if (ordered.Count < limit && tokens.Any(t => t.Length >= 3))
            ordered.AddRange(WithSlips(generation, searcher, tokens, limit - ordered.Count, found));
        return ordered.Select(o => data.People[o]).ToList();
    }

    /// <summary>The last tier: a slip in any word, the last one measured against name words' beginnings; best score first.</summary>
    private static IEnumerable<int> WithSlips(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int count, HashSet<int> found)
    {
        var reader = searcher.IndexReader;
        var query = new PersonQuery(tokens, generation.Data.NameWords.Contains, asYouType: true);
        var candidates = QueryTerms.FirstHits(searcher, QueryTerms.AllOf(tokens.Select((t, i) => i == tokens.Count - 1
            ? QueryTerms.AnyOf([TermExpansion.Prefix(reader, IndexFields.PersonTokens, t), TermExpansion.FuzzyPrefix(reader, IndexFields.PersonTokens, t, WordSimilarity.CandidateEdits(t.Length))])
            : QueryTerms.AnyOf([Word(reader, t, prefix: true), TermExpansion.Fuzzy(reader, IndexFields.PersonTokens, t, WordSimilarity.CandidateEdits(t.Length), prefixLength: 1)]))), 200, found);
        return candidates
            .Select(o => PersonMatch.Evaluate(generation.Data.People[o], query))
            .OfType<PersonMatch>()
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Person.Ordinal)
            .Take(count)
            .Select(m => m.Person.Ordinal);
    }

    private static bool HasAccented(IndexedPerson person, IReadOnlyList<string> accented)
    {
        var name = person.Name.ToLowerInvariant();
        return accented.Any(a => name.StartsWith(a, StringComparison.Ordinal) || name.Contains(" " + a, StringComparison.Ordinal));
    }

    /// <summary>
    /// Sections whose title, area or document words match every typed word (the last one as a beginning, each
    /// with the slips <see cref="WordSimilarity"/> allows), titles starting with the text first. Candidates come
    /// from Lucene with the document filter inside the query; a prefix of one or two letters, which matches
    /// nearly everything, is scored on the first sections in page order only.
    /// </summary>
    public static List<IndexedSection> Sections(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, string? documentId, int limit)
    {
        var data = generation.Data;
        if (tokens.Count == 0)
        {
            return data.Sections
                .Where(s => documentId is null || string.Equals(s.Document.Id, documentId, StringComparison.OrdinalIgnoreCase))
                .Take(limit)
                .ToList();
        }
        var reader = searcher.IndexReader;
        var words = new BooleanQuery();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var edits = WordSimilarity.CandidateEdits(token.Length);
            var alternatives = new List<Query> { QueryTerms.Term(IndexFields.SectionWords, token) };
            if (i == tokens.Count - 1)
            {
                alternatives.Add(TermExpansion.Prefix(reader, IndexFields.SectionWords, token));
                if (token.Length >= 4)
                    alternatives.Add(TermExpansion.FuzzyPrefix(reader, IndexFields.SectionWords, token, edits));
            }
            else if (edits > 0)
            {
                alternatives.Add(TermExpansion.Fuzzy(reader, IndexFields.SectionWords, token, edits, prefixLength: 1));
            }
            words.Add(QueryTerms.AnyOf(alternatives), Occur.MUST);
        }
        var query = documentId is null ? (Query)words : QueryTerms.AllOf([words, QueryTerms.Term(IndexFields.SectionDocumentId, documentId)]);
        var capacity = tokens.Sum(t => t.Length) <= 2 ? limit * 8 : data.Sections.Length;
        var joined = string.Join(' ', tokens);
        return QueryTerms.FirstHits(searcher, query, capacity, new HashSet<int>())
            .Select(o => data.Sections[o])
            .Select(s => (Section: s, Score: Score(s, tokens, joined, data.DescriptiveWords)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Section.Ordinal)
            .Take(limit)
            .Select(x => x.Section)
            .ToList();
    }

    private static Query Word(IndexReader reader, string token, bool prefix)
    {
        var alternatives = new List<Query> { QueryTerms.Term(IndexFields.PersonTokens, token) };
        alternatives.AddRange(GivenNameForms.OtherForms(token).Select(f => QueryTerms.Term(IndexFields.PersonTokens, f)));
        if (prefix)
            alternatives.Add(TermExpansion.Prefix(reader, IndexFields.PersonTokens, token));
        return QueryTerms.AnyOf(alternatives);
    }

    private static double Score(IndexedSection section, IReadOnlyList<string> tokens, string joined, HashSet<string> knownWords)
    {
        var strong = tokens.Select(t => section.TitleWords.Contains(t) || section.AreaWords.Contains(t) || section.DocumentWords.Contains(t)).ToArray();
        var total = 0.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var evidence = new WordEvidence(strong.Where((s, k) => s && k != i).Any(), tokens.Count == 1, knownWords.Contains(tokens[i]));
            var last = i == tokens.Count - 1;
            var best = Math.Max(3 * Best(tokens[i], section.TitleWords, evidence, last),
                Math.Max(2 * Best(tokens[i], section.AreaWords, evidence, last), 1.5 * Best(tokens[i], section.DocumentWords, evidence, last)));
            if (best <= 0)
                return 0;
            total += best;
        }
        var titleStart = string.Join(' ', section.TitleWords).StartsWith(joined, StringComparison.Ordinal) ? 2 : 0;
        return total / tokens.Count + titleStart;
    }

    private static double Best(string token, string[] words, WordEvidence evidence, bool beingTyped)
    {
        var best = 0.0;
        foreach (var word in words)
            best = Math.Max(best, WordSimilarity.Score(token, word, [], evidence, minPrefix: beingTyped ? 1 : 0, beingTyped).Score);
        return best;
    }
}
