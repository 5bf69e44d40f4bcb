using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>Builds Lucene queries from analysed terms only: no query parser ever sees user text.</summary>
internal static class QueryTerms
{
    public static Query Term(string field, string term) => new TermQuery(new Term(field, term));

    public static Query Prefix(string field, string term) => new PrefixQuery(new Term(field, term));

    /// <summary>Any of the alternatives (one SHOULD clause each).</summary>
    public static Query AnyOf(IEnumerable<Query> alternatives)
    {
        var query = new BooleanQuery();
        foreach (var alternative in alternatives)
            query.Add(alternative, Occur.SHOULD);
        return query.Clauses.Count == 1 ? query.Clauses[0].Query : query;
    }

    /// <summary>Every part must match (one MUST clause each).</summary>
    public static Query AllOf(IEnumerable<Query> parts)
    {
        var query = new BooleanQuery();
        foreach (var part in parts)
            query.Add(part, Occur.MUST);
        return query;
    }

    /// <summary>The ordinals of the first <paramref name="capacity"/> matches in index order, minus those already found.</summary>
    public static List<int> FirstHits(IndexSearcher searcher, Query query, int capacity, ISet<int> skip)
    {
        var found = new List<int>();
        if (capacity > 0)
        {
            InOrder(searcher, query, ordinal =>
            {
                if (!skip.Contains(ordinal))
                    found.Add(ordinal);
                return found.Count < capacity;
            });
        }
        return found;
    }

    /// <summary>Each match's ordinal in index order, until <paramref name="visit"/> returns false.</summary>
    public static void InOrder(IndexSearcher searcher, Query query, Func<int, bool> visit) =>
        searcher.Search(new ConstantScoreQuery(query), new InOrderHitsCollector(visit));

    /// <summary>The ordinals of the best-scoring matches (for "did you mean", where more matched words should win).</summary>
    public static List<int> TopHits(IndexSearcher searcher, Query query, int count)
    {
        var top = searcher.Search(query, count);
        var ordinals = new List<int>(top.ScoreDocs.Length);
        var leaves = searcher.IndexReader.Leaves;
        foreach (var hit in top.ScoreDocs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            var ordinal = SegmentOrdinals.Of(leaf.AtomicReader)[hit.Doc - leaf.DocBase];
            if (ordinal >= 0)
                ordinals.Add(ordinal);
        }
        return ordinals;
    }

    /// <summary>"Did you mean": the names of the best matches of any alternative, without repeats.</summary>
    public static List<string> Suggestions(
        IndexSearcher searcher, List<Query> alternatives, int fetch, int count, Func<int, string> name, StringComparer comparer)
    {
        if (alternatives.Count == 0)
            return [];
        return TopHits(searcher, AnyOf(alternatives), fetch)
            .Select(name)
            .Distinct(comparer)
            .Take(count)
            .ToList();
    }
}
