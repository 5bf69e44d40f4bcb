using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Hands the ordinal of each matching document to a visitor in index order, and stops when the visitor says so:
/// within one constant-score tier the earliest documents are the best known, so the rest need not be read.
/// </summary>
internal sealed class InOrderHitsCollector(Func<int, bool> visit) : ICollector
{
    private int[] ordinals = [];
    private bool stopped;

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (stopped)
            throw new CollectionTerminatedException();
        ordinals = SegmentOrdinals.Of(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        var ordinal = ordinals[doc];
        if (ordinal >= 0 && !visit(ordinal))
        {
            stopped = true;
            throw new CollectionTerminatedException();
        }
    }
}
