using CreditsBot.Core.Search.Connections;

namespace CreditsBot.Core.Search;

/// <summary>Connections over the same generation as the lookups, so a swap changes both at once.</summary>
public sealed partial class CreditsSearchEngine : ICreditsConnections
{
    public CollaboratorsResult? Collaborators(string personKey, int limit = 100) => Run<CollaboratorsResult?>(null, (generation, _) =>
    {
        var graph = generation.Connections;
        var person = graph?.PersonOfKey(generation.Data, personKey) ?? -1;
        if (graph is null || person < 0)
            return null;
        var (best, total) = CollaboratorRanking.Rank(graph, person, Math.Max(0, limit));
        var shared = CollaboratorRanking.SharedSections(graph, person, best.Select(r => r.Person).ToList());
        var list = best
            .Select((r, i) => new Collaborator(graph.Describe(r.Person), r.Score, shared[i].Select(graph.DescribeSection).ToList()))
            .ToList();
        return new CollaboratorsResult(graph.Describe(person), list, total);
    });

    public ComparisonResult? Compare(string personKeyA, string personKeyB) => Run<ComparisonResult?>(null, (generation, _) =>
    {
        if (generation.Connections is not { } graph)
            return null;
        var (a, b) = (graph.PersonOfKey(generation.Data, personKeyA), graph.PersonOfKey(generation.Data, personKeyB));
        if (a < 0 || b < 0)
            return null;
        var shared = SharedSections(graph, a, b);
        var chain = ChainFinder.Find(graph, a, b)?
            .Select(s => new ChainStep(graph.Describe(s.From), graph.Describe(s.To), graph.DescribeSection(s.Section)))
            .ToList();
        var (creditsA, creditsB) = (graph.CreditsBySection(a), graph.CreditsBySection(b));
        return new ComparisonResult(
            graph.Describe(a),
            graph.Describe(b),
            shared.Select(s => new SharedSection(graph.DescribeSection(s), creditsA[s], creditsB[s])).ToList(),
            OtherSections(graph, a, shared, creditsA),
            OtherSections(graph, b, shared, creditsB),
            chain);
    });

    /// <summary>Sections of both, in page order: each section of the one in fewer is looked up in the other's (both sorted).</summary>
    private static List<int> SharedSections(ConnectionGraph graph, int a, int b)
    {
        var (fewer, more) = graph.SectionsOf(a).Length <= graph.SectionsOf(b).Length ? (a, b) : (b, a);
        var others = graph.SectionsOf(more);
        var shared = new List<int>();
        foreach (var section in graph.SectionsOf(fewer))
        {
            if (others.BinarySearch(section) >= 0)
                shared.Add(section);
        }
        return shared;
    }

    private static List<SectionCredits> OtherSections(ConnectionGraph graph, int person, List<int> shared, IReadOnlyDictionary<int, List<Core.Model.CreditEntry>> credits)
    {
        var others = new List<SectionCredits>();
        foreach (var section in graph.SectionsOf(person))
        {
            if (shared.BinarySearch(section) < 0)
                others.Add(new SectionCredits(graph.DescribeSection(section), credits[section]));
        }
        return others;
    }
}
