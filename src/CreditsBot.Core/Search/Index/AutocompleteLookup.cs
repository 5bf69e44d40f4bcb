using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// As-you-type choices. People: names that start with the text (<see cref="NameBeginnings"/>), then every word
/// whole but the last as a prefix, then every word as a prefix, then (from four letters) within an edit;
/// best-known first inside each tier. Sections: a scan of the (few) sections over unstemmed title, area and document words.
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
        void RunTier(List<int> tier)
        {
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
        List<int> Hits(Query query) => QueryTerms.FirstHits(searcher, query, limit - ordered.Count, found);

        var last = tokens[^1];
        RunTier(data.NameBeginnings.First(joined, limit, found));
        if (ordered.Count < limit)
        {
            RunTier(Hits(QueryTerms.AllOf(tokens.Take(tokens.Count - 1).Select(t => Word(reader, t, prefix: false))
                .Append(QueryTerms.AnyOf([QueryTerms.Term(IndexFields.PersonTokens, last), TermExpansion.Prefix(reader, IndexFields.PersonTokens, last)])))));
        }
        if (ordered.Count < limit && tokens.Count > 1)
            RunTier(Hits(QueryTerms.AllOf(tokens.Select(t => Word(reader, t, prefix: true)))));
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
    /// Sections whose title, area or document words match every typed word, scored by <see cref="SectionCompletion"/>,
    /// best first and then in page order. Candidates are the sections of the titles, areas and documents the rarest
    /// typed word can match (all sections when that is most of them), walked in page order until a full page has the
    /// best score any section could reach; a prefix of one or two letters, which matches nearly everything, is scored
    /// on the first sections in page order only.
    /// </summary>
    public static List<IndexedSection> Sections(SearchGeneration generation, IReadOnlyList<string> tokens, string? documentId, int limit)
    {
        var data = generation.Data;
        if (tokens.Count == 0)
        {
            return data.Sections
                .Where(s => InDocument(s, documentId))
                .Take(limit)
                .ToList();
        }
        var completion = new SectionCompletion(tokens, data.DescriptiveWords, data.SectionWordArrays);
        var capacity = tokens.Sum(t => t.Length) <= 2 ? limit * 8 : data.Sections.Length;
        var upperBound = completion.UpperBound();
        if (upperBound <= 0)
            return []; // no title, area or document has a word like the typed one
        var page = new RankedPage<IndexedSection>(limit);
        var seen = 0;
        foreach (var ordinal in completion.Candidates(data.Sections.Length))
        {
            var section = data.Sections[ordinal];
            if (!InDocument(section, documentId))
                continue;
            var score = completion.Score(section);
            if (score > 0)
                page.Offer(section, score, ordinal);
            // Page order breaks ties, so a full page at the best reachable score is final.
            if ((score > 0 && ++seen >= capacity) || (page.IsFull && page.LastScore >= upperBound))
                break;
        }
        return page.Items().Select(p => p.Item).ToList();
    }

    private static bool InDocument(IndexedSection section, string? documentId) =>
        documentId is null || string.Equals(section.Document.Id, documentId, StringComparison.OrdinalIgnoreCase);

    private static Query Word(IndexReader reader, string token, bool prefix)
    {
        var alternatives = new List<Query> { QueryTerms.Term(IndexFields.PersonTokens, token) };
        alternatives.AddRange(GivenNameForms.OtherForms(token).Select(f => QueryTerms.Term(IndexFields.PersonTokens, f)));
        if (prefix)
            alternatives.Add(TermExpansion.Prefix(reader, IndexFields.PersonTokens, token));
        return QueryTerms.AnyOf(alternatives);
    }
}
