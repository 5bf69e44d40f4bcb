using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Index;

/// <summary>One section with its place, its display name and its analysed title, area and document.</summary>
internal sealed class IndexedSection
{
    public required int Ordinal { get; init; }

    /// <summary>"documentId/area-title/section-title" (<see cref="Indexing.SectionKeys"/>): stable across re-indexing.</summary>
    public required string Key { get; init; }

    /// <summary>"Section — Area — Document title".</summary>
    public required string DisplayName { get; init; }

    public required CreditsDocument Document { get; init; }

    public required CreditArea Area { get; init; }

    public required CreditSection Section { get; init; }

    public required string[] TitleTokens { get; init; }

    public required string[] AreaTokens { get; init; }

    public required string[] DocumentTokens { get; init; }

    /// <summary>How many different stems title and area have together: what a query must cover to name the section fully.</summary>
    public required int DescribedWordCount { get; init; }

    /// <summary>Unstemmed folded words of title, area and document, for as-you-type prefixes.</summary>
    public required string[] TitleWords { get; init; }

    public required string[] AreaWords { get; init; }

    public required string[] DocumentWords { get; init; }

    /// <summary>Where <see cref="TitleWords"/>, <see cref="AreaWords"/> and <see cref="DocumentWords"/> stand in <see cref="SectionWordArrays"/>.</summary>
    public required SectionWordIds WordIds { get; init; }
}
