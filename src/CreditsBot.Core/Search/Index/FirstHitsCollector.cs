using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Collects the ordinals of the first matching documents in index order and stops: within one
/// constant-score tier the earliest documents are the best known, so the rest need not be scored.
/// </summary>
internal sealed class FirstHitsCollector : ICollector
{
    private readonly int capacity;
    private readonly ISet<int> skip;
    private int[] ordinals = [];

    public FirstHitsCollector(int capacity, ISet<int> skip)
    {
        this.capacity = capacity;
        this.skip = skip;
    }

    public List<int> Ordinals { get; } = [];

    public bool IsFull => Ordinals.Count >= capacity;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (IsFull)
            throw new CollectionTerminatedException();
        ordinals = SegmentOrdinals.Of(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        var ordinal = ordinals[doc];
        if (ordinal < 0 || skip.Contains(ordinal))
            return;
        Ordinals.Add(ordinal);
        if (IsFull)
            throw new CollectionTerminatedException();
    }
}
