using System.Buffers;

namespace CreditsBot.Core.Search.Connections;

/// <summary>
/// The rule of <c>/credits with</c>: every section the person shares with someone adds 1 / (n − 1) to that
/// someone's score, n being the section's number of distinct people (a two-person section adds 1, a 101-person
/// list 0.01). Higher score first; equal scores (to 9 decimals) go to more shared sections, then to whoever the
/// pages credit first. Computed at query time: one pass over the person's sections and their members.
/// </summary>
public static class CollaboratorRanking
{
    /// <summary>Scores equal to this many decimals are a tie (sums of fractions differ in the last bits by order).</summary>
    public const int ScoreDecimals = 9;

    // Pools of their own: arrays come back zeroed (each query clears what it touched), which the shared pools do not promise.
    private static readonly ArrayPool<double> ScorePool = ArrayPool<double>.Create(1 << 24, 16);
    private static readonly ArrayPool<int> CountPool = ArrayPool<int>.Create(1 << 24, 16);

    internal readonly record struct Ranked(int Person, double Score, int Shared);

    /// <summary>The best <paramref name="limit"/> collaborators of <paramref name="person"/>, best first, and how many there are in all.</summary>
    internal static (List<Ranked> Best, int Total) Rank(ConnectionGraph graph, int person, int limit)
    {
        var scores = ScorePool.Rent(graph.PersonCount);
        var shared = CountPool.Rent(graph.PersonCount);
        var touched = new List<int>();
        try
        {
            foreach (var section in graph.SectionsOf(person))
            {
                var size = graph.Size(section);
                if (size < 2)
                    continue;
                var weight = 1.0 / (size - 1);
                foreach (var member in graph.Members(section))
                {
                    if (member == person)
                        continue;
                    if (shared[member] == 0)
                        touched.Add(member);
                    scores[member] += weight;
                    shared[member]++;
                }
            }
            return (Best(graph, touched, scores, shared, limit), touched.Count);
        }
        finally
        {
            foreach (var member in touched)
                (scores[member], shared[member]) = (0, 0);
            ScorePool.Return(scores);
            CountPool.Return(shared);
        }
    }

    /// <summary>
    /// The sections <paramref name="person"/> shares with each of <paramref name="chosen"/>, in page order: one pass over
    /// the person's sections (a lookup per pair of long lists would cost more for the best-known people).
    /// </summary>
    internal static List<int>[] SharedSections(ConnectionGraph graph, int person, IReadOnlyList<int> chosen)
    {
        var shared = chosen.Select(_ => new List<int>()).ToArray();
        var slot = CountPool.Rent(graph.PersonCount);
        try
        {
            for (var i = 0; i < chosen.Count; i++)
                slot[chosen[i]] = i + 1;
            foreach (var section in graph.SectionsOf(person))
            {
                foreach (var member in graph.Members(section))
                {
                    if (slot[member] > 0 && member != person)
                        shared[slot[member] - 1].Add(section);
                }
            }
            return shared;
        }
        finally
        {
            foreach (var member in chosen)
                slot[member] = 0;
            CountPool.Return(slot);
        }
    }

    /// <summary>Orders two collaborators: negative when <paramref name="x"/> ranks first.</summary>
    internal static int Compare(ConnectionGraph graph, Ranked x, Ranked y)
    {
        var byScore = Math.Round(y.Score, ScoreDecimals).CompareTo(Math.Round(x.Score, ScoreDecimals));
        if (byScore != 0)
            return byScore;
        var byShared = y.Shared.CompareTo(x.Shared);
        return byShared != 0 ? byShared : graph.FirstSeen(x.Person).CompareTo(graph.FirstSeen(y.Person));
    }

    /// <summary>Keeps the best <paramref name="limit"/> in a heap whose top is the worst kept, then sorts them.</summary>
    private static List<Ranked> Best(ConnectionGraph graph, List<int> candidates, double[] scores, int[] shared, int limit)
    {
        var comparer = Comparer<Ranked>.Create((x, y) => Compare(graph, y, x));
        var heap = new PriorityQueue<Ranked, Ranked>(comparer);
        foreach (var member in candidates)
        {
            var ranked = new Ranked(member, scores[member], shared[member]);
            if (heap.Count < limit)
                heap.Enqueue(ranked, ranked);
            else if (limit > 0 && Compare(graph, ranked, heap.Peek()) < 0)
                heap.EnqueueDequeue(ranked, ranked);
        }
        var best = new List<Ranked>(heap.Count);
        while (heap.Count > 0)
            best.Add(heap.Dequeue());
        best.Reverse();
        return best;
    }
}
