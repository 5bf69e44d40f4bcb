using System.Buffers;

namespace CreditsBot.Core.Search.Connections;

/// <summary>
/// The shortest chain of shared sections between two people: fewest steps (at most <see cref="MaxSteps"/>),
/// and among chains of that length the one through the smallest sections (least total of their numbers of
/// people; on a tie, the first found in page order). A breadth-first search from A, one layer per step: each
/// section is opened once, from the cheapest person of the layer that reached it, so the layers give the
/// cheapest chain of each length. B is checked against the sections a layer reached before that layer is
/// expanded, so the last layer is never walked.
/// </summary>
public static class ChainFinder
{
    public const int MaxSteps = 4;

    private static readonly ArrayPool<int> Pool = ArrayPool<int>.Create(1 << 24, 32);

    internal readonly record struct Step(int From, int To, int Section);

    /// <summary>The steps from <paramref name="a"/> to <paramref name="b"/>, or null when there is no chain within <see cref="MaxSteps"/>.</summary>
    internal static List<Step>? Find(ConnectionGraph graph, int a, int b)
    {
        if (a == b)
            return [];
        using var search = new Search(graph);
        return search.Run(a, b);
    }

    /// <summary>Scratch state of one search; arrays come from a private pool and go back zeroed (every entry set is reset).</summary>
    private sealed class Search : IDisposable
    {
        private const int Unvisited = 0, Reached = 1, Opened = 2;
        private readonly ConnectionGraph graph;
        private readonly int[] depth, cost, viaPerson, viaSection;      // per person; depth is stored + 1 (0 = unvisited)
        private readonly int[] sectionState, sectionCost, sectionFrom;  // per section
        private readonly List<int> visited = [], reachedSections = [];

        public Search(ConnectionGraph graph)
        {
            this.graph = graph;
            (depth, cost, viaPerson, viaSection) = (Rent(graph.PersonCount), Rent(graph.PersonCount), Rent(graph.PersonCount), Rent(graph.PersonCount));
            (sectionState, sectionCost, sectionFrom) = (Rent(graph.Sections.Length), Rent(graph.Sections.Length), Rent(graph.Sections.Length));
        }

        public List<Step>? Run(int a, int b)
        {
            Visit(a, 0, 0, -1, -1);
            var frontier = new List<int> { a };
            for (var step = 1; step <= MaxSteps && frontier.Count > 0; step++)
            {
                var opened = ReachSections(frontier);
                if (Arrive(b, step))
                    return Chain(a, b);
                if (step < MaxSteps)
                    frontier = Expand(opened, step);
            }
            return null;
        }

        /// <summary>Every section a person of the layer is in and no earlier layer opened, with the layer's cheapest person in it.</summary>
        private List<int> ReachSections(List<int> frontier)
        {
            var reached = new List<int>();
            foreach (var person in frontier)
            {
                foreach (var section in graph.SectionsOf(person))
                {
                    if (sectionState[section] == Opened)
                        continue;
                    if (sectionState[section] == Unvisited)
                    {
                        sectionState[section] = Reached;
                        reachedSections.Add(section);
                        reached.Add(section);
                        (sectionCost[section], sectionFrom[section]) = (cost[person], person);
                    }
                    else if (cost[person] < sectionCost[section])
                    {
                        (sectionCost[section], sectionFrom[section]) = (cost[person], person);
                    }
                }
            }
            return reached;
        }

        /// <summary>Whether <paramref name="b"/> is in a section the layer reached; if so, reaches it the cheapest way.</summary>
        private bool Arrive(int b, int step)
        {
            foreach (var section in graph.SectionsOf(b))
            {
                if (sectionState[section] == Reached)
                    Relax(b, section, step);
            }
            return depth[b] == step + 1;
        }

        private List<int> Expand(List<int> opened, int step)
        {
            var next = new List<int>();
            foreach (var section in opened)
            {
                sectionState[section] = Opened;
                foreach (var member in graph.Members(section))
                {
                    var known = depth[member] != Unvisited;
                    if (known && depth[member] != step + 1)
                        continue;
                    if (!known)
                        next.Add(member);
                    Relax(member, section, step);
                }
            }
            return next;
        }

        private void Relax(int person, int section, int step)
        {
            var through = sectionCost[section] + graph.Size(section);
            if (depth[person] == Unvisited)
                Visit(person, step, through, sectionFrom[section], section);
            else if (depth[person] == step + 1 && through < cost[person])
                (cost[person], viaPerson[person], viaSection[person]) = (through, sectionFrom[section], section);
        }

        private void Visit(int person, int step, int through, int from, int section)
        {
            visited.Add(person);
            (depth[person], cost[person], viaPerson[person], viaSection[person]) = (step + 1, through, from, section);
        }

        private List<Step> Chain(int a, int b)
        {
            var steps = new List<Step>();
            for (var person = b; person != a; person = viaPerson[person])
                steps.Add(new Step(viaPerson[person], person, viaSection[person]));
            steps.Reverse();
            return steps;
        }

        public void Dispose()
        {
            foreach (var person in visited)
                (depth[person], cost[person], viaPerson[person], viaSection[person]) = (Unvisited, 0, 0, 0);
            foreach (var section in reachedSections)
                (sectionState[section], sectionCost[section], sectionFrom[section]) = (Unvisited, 0, 0);
            foreach (var array in new[] { depth, cost, viaPerson, viaSection, sectionState, sectionCost, sectionFrom })
                Pool.Return(array);
        }

        private static int[] Rent(int length) => Pool.Rent(Math.Max(1, length));
    }
}
