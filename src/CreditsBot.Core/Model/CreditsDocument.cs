namespace CreditsBot.Core.Model;

/// <summary>One credits page, as imported: its areas in page order.</summary>
/// <param name="Id">A short stable key derived from the file name (e.g. "gpt-4"), used in custom ids and choices.</param>
/// <param name="Title">The page's title (e.g. "GPT-4 contributions").</param>
/// <param name="SourceFile">The file the page was imported from, as given to the importer.</param>
/// <param name="Url">The public page, when known (from the page's metadata file).</param>
public sealed record CreditsDocument(
    string Id,
    string Title,
    string SourceFile,
    string? Url,
    IReadOnlyList<CreditArea> Areas)
{
    /// <summary>Every credit of the page in page order, with its place.</summary>
    public IEnumerable<CreditEntry> Entries()
    {
        var order = 0;
        foreach (var area in Areas)
            foreach (var section in area.Sections)
                foreach (var credit in section.Credits)
                    yield return new CreditEntry(this, area, section, credit, order++);
    }

    public int CreditCount => Areas.Sum(a => a.Sections.Sum(s => s.Credits.Count));
}
