using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Connections;

/// <summary>
/// Who worked with whom, from the sections people share. A person here is everyone <see cref="ICreditsSearch"/>
/// resolves as one (<see cref="PersonHit.Key"/>) together with their "also credited as" spellings; a section's
/// members are the distinct such people in it. Lookups take the key of a resolved person and never throw:
/// an unknown key, or no index yet, gives null.
/// </summary>
public interface ICreditsConnections
{
    /// <summary>Most connected first, at most <paramref name="limit"/> of them (see <see cref="CollaboratorRanking"/> for the rule).</summary>
    CollaboratorsResult? Collaborators(string personKey, int limit = 100);

    /// <summary>Shared sections, each one's other sections, and the shortest chain between them.</summary>
    ComparisonResult? Compare(string personKeyA, string personKeyB);
}

/// <summary>A section, with the number of distinct people credited in it.</summary>
public sealed record SectionRef(string Key, CreditsDocument Document, CreditArea Area, CreditSection Section, int Members);

/// <summary>One person as connections count them: the name the pages use most, and every spelling merged into them.</summary>
public sealed record ConnectedPerson(string Key, string Name, IReadOnlyList<string> Spellings);

/// <summary>Someone who shares sections with the person: the score under the rule and the sections, in page order.</summary>
public sealed record Collaborator(ConnectedPerson Person, double Score, IReadOnlyList<SectionRef> Shared);

/// <param name="Total">Everyone who shares at least one section with the person (the list holds the best of them).</param>
public sealed record CollaboratorsResult(ConnectedPerson Person, IReadOnlyList<Collaborator> Collaborators, int Total);

/// <summary>A section and a person's credits in it (one credit, or more when the page lists them twice), with roles.</summary>
public sealed record SectionCredits(SectionRef Section, IReadOnlyList<CreditEntry> Credits);

/// <summary>A section both are credited in, with the credits of each.</summary>
public sealed record SharedSection(SectionRef Section, IReadOnlyList<CreditEntry> CreditsA, IReadOnlyList<CreditEntry> CreditsB);

/// <summary>One link of a chain: <see cref="From"/> and <see cref="To"/> are both credited in <see cref="Section"/>.</summary>
public sealed record ChainStep(ConnectedPerson From, ConnectedPerson To, SectionRef Section);

/// <param name="Chain">The shortest chain from A to B (one step when they share a section), or null when there is
/// no link within <see cref="ChainFinder.MaxSteps"/> steps. Empty when A and B are the same person.</param>
public sealed record ComparisonResult(
    ConnectedPerson A,
    ConnectedPerson B,
    IReadOnlyList<SharedSection> Shared,
    IReadOnlyList<SectionCredits> OnlyA,
    IReadOnlyList<SectionCredits> OnlyB,
    IReadOnlyList<ChainStep>? Chain)
{
    public bool SamePerson => A.Key == B.Key;
}
