using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Section lookup: every required query word must match the section's title, its area or its document (as
/// written, stemmed, in a short form, or with a slip the <see cref="WordSimilarity"/> budget allows); title
/// words weigh most, then a title and area the query covers fully, then page order. "Vision / Data" finds
/// Data under Vision before Data under Pretraining. Words as written are looked up in the distinct titles,
/// areas and documents (a few hundred arrays, cheaper than an index query's fixed cost); slips go through
/// Lucene's fuzzy terms. Every candidate is scored: the document filter is applied before scoring, nothing
/// else is cut.
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
        var common = query.CommonWords(searcher.IndexReader, IndexFields.SectionTerms, generation.Data.Sections.Length);
        // Words as written first; Lucene's typo expansions only when they find nothing keeps the common case fast.
        var found = WrittenCandidates(generation.Data, query, common, limit);
        if (found.Count == 0)
            found = WithSlips(generation, searcher, query, common, limit, allowMissing: false);
        // Three words or more may carry one that no title has ("vision data team").
        if (found.Count == 0 && query.Required >= 3)
            found = WithSlips(generation, searcher, query, common, limit, allowMissing: true);
        return found;
    }

    /// <summary>
    /// The sections with every required word as written (stem or folded form) in their title, area or document,
    /// scored: the same candidates as the Lucene query without fuzzy terms, found in the distinct arrays'
    /// term map. The sections come from the arrays of the word filed under the fewest sections; each other word
    /// is checked in a table per kind, so a candidate costs three array reads per word before it is scored.
    /// </summary>
    internal static List<(IndexedSection Section, double Score)> WrittenCandidates(CreditsIndexData data, DescriptiveQuery query, bool[] common, int limit)
    {
        var arrays = data.SectionWordArrays;
        var words = query.Words.Where(w => !w.Optional).Select(w => new WrittenWord(arrays, w)).ToList();
        var rarest = words.MinBy(w => w.Sections)!;
        var scorer = new SectionScorer(query, common, allowMissing: 0, arrays);
        var page = new RankedPage<IndexedSection>(limit);
        foreach (var (kind, id) in rarest.Arrays)
        {
            foreach (var ordinal in arrays.SectionsOf(kind, id))
            {
                var ids = arrays.IdsOf(ordinal);
                if (rarest.ReachedBefore(kind, ids) || !AllIn(words, ids))
                    continue;
                var section = data.Sections[ordinal];
                if (query.DocumentId is not null && !string.Equals(section.Document.Id, query.DocumentId, StringComparison.Ordinal))
                    continue;
                if (scorer.Score(section) is var score and > 0)
                    page.Offer(section, score, section.Ordinal);
            }
        }
        return page.Items();
    }

    private static bool AllIn(List<WrittenWord> words, SectionWordIds ids)
    {
        foreach (var word in words)
        {
            if (!word.IsIn(ids))
                return false;
        }
        return true;
    }

    /// <summary>One required word as written (stem or folded form): the title, area and document arrays that have it.</summary>
    private sealed class WrittenWord
    {
        /// <summary>[kind][array id]: whether the array has the word.</summary>
        private readonly bool[][] has;

        public WrittenWord(SectionWordArrays arrays, DescriptiveWord word)
        {
            has = [new bool[arrays.Titles.Count], new bool[arrays.Areas.Count], new bool[arrays.Documents.Count]];
            foreach (var term in word.Stem == word.Folded ? [word.Stem] : new[] { word.Stem, word.Folded })
            {
                foreach (var (kind, id) in arrays.ArraysWith(term))
                {
                    if (has[kind][id])
                        continue;
                    has[kind][id] = true;
                    Arrays.Add((kind, id));
                    Sections += arrays.SectionsOf(kind, id).Count;
                }
            }
        }

        /// <summary>The arrays that have the word, each once.</summary>
        public List<(int Kind, int Id)> Arrays { get; } = [];

        /// <summary>How many sections those arrays hold (a section may count more than once).</summary>
        public int Sections { get; }

        public bool IsIn(SectionWordIds ids) => has[0][ids.Title] || has[1][ids.Area] || has[2][ids.Document];

        /// <summary>Whether a section met through an array of <paramref name="kind"/> was already met through an earlier kind (its title, before its area).</summary>
        public bool ReachedBefore(int kind, SectionWordIds ids) => (kind > 0 && has[0][ids.Title]) || (kind > 1 && has[1][ids.Area]);
    }

    /// <summary>The sections Lucene finds with each word as written or within its candidate edits, scored.</summary>
    private static List<(IndexedSection Section, double Score)> WithSlips(
        SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, bool[] common, int limit, bool allowMissing)
    {
        var data = generation.Data;
        var lucene = query.Candidates(searcher.IndexReader, IndexFields.SectionTerms, IndexFields.SectionWords, IndexFields.SectionDocumentId, fuzzy: true, allowMissing);
        var scorer = new SectionScorer(query, common, allowMissing ? 1 : 0, data.SectionWordArrays);
        return QueryTerms.FirstHits(searcher, lucene, data.Sections.Length, new HashSet<int>())
            .Select(o => data.Sections[o])
            .Select(s => (Section: s, Score: scorer.Score(s)))
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
    internal static double Score(IndexedSection section, DescriptiveQuery query, bool[] common, int allowMissing = 0) => query.Score(
        [
            new DescribedField(section.TitleTokens, section.TitleWords, TitleWeight, Covers: true),
            new DescribedField(section.AreaTokens, section.AreaWords, AreaWeight, Covers: true),
            DocumentField(section),
        ],
        section.DescribedWordCount, coverageWeight: 6, allowMissing, common);

    private static DescribedField DocumentField(IndexedSection section) =>
        new(section.DocumentTokens, section.DocumentWords, DocumentWeight, Covers: false);

    /// <summary>
    /// <see cref="Score"/> for one query's candidates. One title under one area recurs in many documents, and a
    /// document weighs less than a title or area word as written: unless it reaches a word that neither title nor
    /// area holds as written, the section scores as every section with the same title and area does, once.
    /// </summary>
    private sealed class SectionScorer(DescriptiveQuery query, bool[] common, int allowMissing, SectionWordArrays arrays)
    {
        /// <summary>By title and area number: their score when the document does not matter (NaN until known), and the words they hold as written.</summary>
        private readonly Dictionary<(int Title, int Area), (double Score, int Written)> byTitleAndArea = [];

        /// <summary>By document number: the words the document reaches, -1 until known.</summary>
        private readonly int[] documentReaches = Filled(arrays.Documents.Count);

        public double Score(IndexedSection section)
        {
            var key = (section.WordIds.Title, section.WordIds.Area);
            if (!byTitleAndArea.TryGetValue(key, out var known))
            {
                var written = query.WrittenWords(new DescribedField(section.TitleTokens, section.TitleWords, TitleWeight, Covers: true))
                    | query.WrittenWords(new DescribedField(section.AreaTokens, section.AreaWords, AreaWeight, Covers: true));
                byTitleAndArea[key] = known = (double.NaN, written);
            }
            ref var reaches = ref documentReaches[section.WordIds.Document];
            if (reaches < 0)
                reaches = query.ReachedWords(DocumentField(section));
            if ((reaches & ~known.Written) != 0)
                return SectionLookup.Score(section, query, common, allowMissing);
            if (double.IsNaN(known.Score))
                byTitleAndArea[key] = known = (SectionLookup.Score(section, query, common, allowMissing), known.Written);
            return known.Score;
        }

        private static int[] Filled(int length)
        {
            var array = new int[length];
            Array.Fill(array, -1);
            return array;
        }
    }
}
