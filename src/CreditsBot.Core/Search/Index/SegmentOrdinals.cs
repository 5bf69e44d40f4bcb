using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// The <see cref="IndexFields.Ordinal"/> of every document of a segment, read once into an array and kept as
/// long as the segment lives: doc values read through the directory on every hit cost more than the lookup
/// itself when a query matches thousands of documents.
/// </summary>
internal static class SegmentOrdinals
{
    private static readonly ConditionalWeakTable<object, int[]> Cache = new();

    /// <summary>The ordinals of a segment's documents by document number; -1 where a document has none.</summary>
    public static int[] Of(AtomicReader reader) =>
        Cache.TryGetValue(reader.CoreCacheKey, out var ordinals) ? ordinals : Cache.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static int[] Read(AtomicReader reader)
    {
        var ordinals = new int[reader.MaxDoc];
        var values = reader.GetNumericDocValues(IndexFields.Ordinal);
        var present = reader.GetDocsWithField(IndexFields.Ordinal);
        for (var doc = 0; doc < ordinals.Length; doc++)
            ordinals[doc] = values is not null && present is not null && present.Get(doc) ? (int)values.Get(doc) : -1;
        return ordinals;
    }
}
