using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// The terms of a field that more than a third of a kind's documents carry ("lead" among roles), read once
/// from the term dictionary per reader: the same answer as asking each query word's document frequency,
/// without a term lookup per word and query.
/// </summary>
internal static class CommonTerms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string Field, int Documents), HashSet<string>>> Cache = new();

    /// <param name="documents">How many documents of the kind there are.</param>
    public static HashSet<string> Of(IndexReader reader, string field, int documents)
    {
        var fields = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<(string, int), HashSet<string>>());
        return fields.GetOrAdd((field, documents), static (key, reader) => Read(reader, key.Field, key.Documents), reader);
    }

    private static HashSet<string> Read(IndexReader reader, string field, int documents)
    {
        var common = new HashSet<string>(StringComparer.Ordinal);
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || documents <= 0)
            return common;
        var iterator = terms.GetEnumerator();
        while (iterator.MoveNext())
        {
            if (iterator.DocFreq * 3 > documents)
                common.Add(iterator.Term.Utf8ToString());
        }
        return common;
    }
}
