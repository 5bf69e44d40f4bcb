using System.Buffers;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// The people met while walking role texts best first: each one's best role score, and how many of their
/// credits score within a window of it. A rented array maps a person's ordinal to their slot, so a tally of
/// tens of thousands of holders costs a few array reads each and allocates almost nothing.
/// </summary>
internal sealed class HolderTally : IDisposable
{
    /// <summary>Each other credit within the window adds this much, up to <see cref="MaxExtraCredits"/> of them.</summary>
    public const double ExtraCreditBonus = 0.3;

    public const int MaxExtraCredits = 3;

    /// <summary>Arrays of this pool only: each goes back with the slots it used cleared, so none needs a full clear.</summary>
    private static readonly ArrayPool<int> Slots = ArrayPool<int>.Create(maxArrayLength: 1 << 26, maxArraysPerBucket: 16);

    private readonly int[] slots; // ordinal → slot + 1; 0 for a person not met yet
    private static readonly ArrayPool<Met> MetPool = ArrayPool<Met>.Create(maxArrayLength: 1 << 24, maxArraysPerBucket: 16);

    private Met[] met;
    private int count;

    /// <param name="people">How many people there are (ordinals run below it).</param>
    /// <param name="expected">At least how many people the walk can meet: its holders, or all the people when fewer.</param>
    public HolderTally(int people, int expected)
    {
        slots = Slots.Rent(Math.Max(people, 1));
        met = MetPool.Rent(Math.Max(expected, 16));
    }

    /// <summary>Counts one credit scoring <paramref name="score"/>, which must not beat an earlier one; returns the people met so far.</summary>
    public int Add(int ordinal, double score, double window)
    {
        var slot = slots[ordinal] - 1;
        if (slot < 0)
        {
            met[count++] = new Met(ordinal, score, 1);
            slots[ordinal] = count;
        }
        else if (score >= met[slot].Best - window)
        {
            met[slot].WithinWindow++;
        }
        return count;
    }

    /// <summary>The best <paramref name="count"/> people: best role plus the bonus for other credits, ties by ordinal.</summary>
    public List<(T Person, double Score)> Best<T>(int count, Func<int, T> person)
    {
        var page = new RankedPage<int>(count);
        foreach (var one in met.AsSpan(0, this.count))
            page.Offer(one.Ordinal, Math.Round(one.Best + ExtraCreditBonus * Math.Min(one.WithinWindow - 1, MaxExtraCredits), 3), one.Ordinal);
        return page.Items().Select(p => (person(p.Item), p.Score)).ToList();
    }

    private struct Met(int ordinal, double best, int withinWindow)
    {
        public readonly int Ordinal = ordinal;
        public readonly double Best = best;
        public int WithinWindow = withinWindow;
    }

    public void Dispose()
    {
        foreach (var person in met.AsSpan(0, count))
            slots[person.Ordinal] = 0;
        Slots.Return(slots);
        MetPool.Return(met);
    }
}
