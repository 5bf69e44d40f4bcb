using CreditsBot.Core.Model;

namespace CreditsBot.Core.Import;

/// <summary>Turns a page's events into areas and sections, applying the page's metadata.</summary>
public sealed class PageAssembler(PageMetadata metadata)
{
    public const string AcknowledgementsArea = "Acknowledgements";

    private readonly List<(string Title, List<(string Title, List<Credit> Credits)> Sections)> _areas = [];
    private List<Credit>? _section;
    private bool _untitledPending;
    private string? _acknowledgementLead;

    public IReadOnlyList<CreditArea> Assemble(IEnumerable<PageEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case AreaHeading a:
                    OpenArea(a.Title);
                    break;
                case Heading h when metadata.Areas.Contains(h.Title, StringComparer.Ordinal):
                    OpenArea(h.Title);
                    break;
                case Heading h:
                    if (_areas.Count == 0) OpenArea(h.Title);
                    OpenSection(h.Title);
                    break;
                case UntitledList:
                    _untitledPending = true;
                    _section = null;
                    break;
                case AcknowledgementList ack:
                    _acknowledgementLead = ack.Lead;
                    _section = null;
                    break;
                case CreditRead credit:
                    Add(credit);
                    break;
            }
        }

        return _areas
            .Select(a => new CreditArea(a.Title, a.Sections
                .Where(s => s.Credits.Count > 0)
                .Select(s => new CreditSection(s.Title, s.Credits.ToArray()))
                .ToArray()))
            .Where(a => a.Sections.Count > 0)
            .ToArray();
    }

    private void Add(CreditRead credit)
    {
        if (_acknowledgementLead is not null)
        {
            var known = metadata.UntitledListStartingWith(credit.Person);
            OpenArea(known?.Area ?? AcknowledgementsArea);
            OpenSection(known?.Title ?? AcknowledgementsArea);
            _acknowledgementLead = null;
        }
        else if (_untitledPending)
        {
            var known = metadata.UntitledListStartingWith(credit.Person);
            if (known?.Area is { } area) OpenArea(area);
            if (_areas.Count == 0) OpenArea("Credits");
            // Without a title from the metadata, a list straight under an area heading belongs to the area itself.
            var current = _areas[^1];
            OpenSection(known?.Title ?? (current.Sections.Count == 0 ? current.Title : $"{current.Title} (untitled list)"));
            _untitledPending = false;
        }

        if (_section is null)
        {
            if (_areas.Count == 0) OpenArea("Credits");
            OpenSection(_areas[^1].Title);
        }

        _section!.Add(new Credit(credit.Person, string.IsNullOrWhiteSpace(credit.Role) ? null : credit.Role.Trim()));
    }

    private void OpenArea(string title)
    {
        if (_areas.Count == 0 || _areas[^1].Title != title)
            _areas.Add((title, []));
        _section = null;
    }

    private void OpenSection(string title)
    {
        _section = [];
        _areas[^1].Sections.Add((title, _section));
    }
}
