namespace CreditsBot.Core.Search.Index;

/// <summary>
/// The best <c>size</c> candidates offered, by score and then by ordinal (page order, or how well known a
/// person is): the one ranking rule of the lookups that fill a page while they walk.
/// </summary>
internal sealed class RankedPage<T>(int size)
{
    private readonly List<(T Item, double Score, int Ordinal)> items = new(size + 1);

    public bool IsFull => items.Count == size;

    /// <summary>The score of the last place, once the page is full.</summary>
    public double LastScore => items[^1].Score;

    public void Offer(T item, double score, int ordinal)
    {
        if (size <= 0 || (IsFull && !Before(score, ordinal, items[^1])))
            return;
        var at = items.Count;
        while (at > 0 && Before(score, ordinal, items[at - 1]))
            at--;
        items.Insert(at, (item, score, ordinal));
        if (items.Count > size)
            items.RemoveAt(size);
    }

    public List<(T Item, double Score)> Items() => items.Select(i => (i.Item, i.Score)).ToList();

    private static bool Before(double score, int ordinal, (T Item, double Score, int Ordinal) other) =>
        score > other.Score || (score == other.Score && ordinal < other.Ordinal);
}
