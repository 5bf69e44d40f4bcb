namespace CreditsBot.Core.Tests.Import.Generated;

/// <summary>The shapes the generator writes a page in.</summary>
public enum GeneratedShape { Lines, Glued, Markdown, AllContributors }

public sealed record GeneratedCredit(string Person, string? Role);

public sealed record GeneratedSection(string Title, IReadOnlyList<GeneratedCredit> Credits)
{
    public bool IsLeads => Credits.Count > 0 && Credits.All(c => c.Role is not null);
}

public sealed record GeneratedArea(string Title, IReadOnlyList<GeneratedSection> Sections);

/// <summary>
/// A credits page as the generator made it: what the importer must give back. <see cref="Acknowledged"/> are the
/// names a closing paragraph thanks after a colon (an "Acknowledgements" section when there are two or more).
/// </summary>
public sealed record GeneratedPage(
    GeneratedShape Shape,
    string Title,
    IReadOnlyList<GeneratedArea> Areas,
    IReadOnlyList<string> Acknowledged,
    bool SerialComma)
{
    /// <summary>For the all-contributors shape: each contributor and their contribution types, in file order.</summary>
    public IReadOnlyList<(string Name, string[] Types)> Contributors { get; init; } = [];

    /// <summary>"area / section / person / role" per credit, in page order, as the importer should read it.</summary>
    public IEnumerable<string> ExpectedOutline(Func<string, string> asScraped)
    {
        foreach (var area in Areas)
            foreach (var section in area.Sections)
                foreach (var credit in section.Credits)
                    yield return $"{area.Title} / {section.Title} / {asScraped(credit.Person)} / {credit.Role ?? "-"}";
        foreach (var person in Acknowledged)
            yield return $"Acknowledgements / Acknowledgements / {asScraped(person)} / -";
    }
}
