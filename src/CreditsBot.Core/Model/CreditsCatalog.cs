namespace CreditsBot.Core.Model;

/// <summary>Everything imported in one pass: the documents, in file-name order, and when they were read.</summary>
public sealed record CreditsCatalog(IReadOnlyList<CreditsDocument> Documents, DateTimeOffset ImportedAt)
{
    public IEnumerable<CreditEntry> Entries() => Documents.SelectMany(d => d.Entries());

    public int CreditCount => Documents.Sum(d => d.CreditCount);

    public int SectionCount => Documents.Sum(d => d.Areas.Sum(a => a.Sections.Count));

    public int PersonCount => Entries().Select(e => e.Person).Distinct(StringComparer.Ordinal).Count();
}
