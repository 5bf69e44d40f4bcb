using System.Globalization;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Replies;
using static CreditsBot.Discord.Replies.Markdown;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// The <c>/credits</c> commands as plain functions: typed options in, a reply model out. Every page of an answer
/// is rebuilt from its custom id alone (kind, key or query, page number), so buttons survive restarts.
/// </summary>
public sealed class CreditsCommandHandlers(ICreditsSearch search)
{
    public const string NotReadyMessage = "Still indexing the credits pages, try again in a moment.";
    private const int OtherMatchButtons = 4;
    private const int SuggestionButtons = 5;

    public ReplyModel Handle(CreditsCommand command) => command switch
    {
        PersonCommand c => Person(c),
        SectionCommand c => Section(c),
        RoleCommand c => Role(c),
        AboutCommand c => About(c),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public ReplyModel Person(PersonCommand command)
    {
        // A value picked from autocomplete is a key; anything typed is a query.
        var byKey = search.GetPerson(command.Name);
        if (byKey is not null)
            return PersonPage(byKey, 0, command.Private, others: []);

        var result = search.FindPerson(command.Name, limit: 1 + OtherMatchButtons);
        if (result.Hits.Count == 0)
            return NotFound($"No one matches “{Escape(command.Name)}”.", result.DidYouMean, CustomIdKind.PersonQuery);
        return PersonPage(result.Hits[0], 0, command.Private, others: result.Hits.Skip(1).ToList(), query: command.Name);
    }

    public ReplyModel Section(SectionCommand command)
    {
        var byKey = search.GetSection(command.Name);
        if (byKey is not null)
            return SectionPage(byKey, 0, command.Private, others: []);

        var result = search.FindSection(command.Name, command.Document, limit: 1 + OtherMatchButtons);
        if (result.Hits.Count == 0)
            return NotFound($"No section matches “{Escape(command.Name)}”.", result.DidYouMean, CustomIdKind.SectionQuery);
        return SectionPage(result.Hits[0], 0, command.Private, others: result.Hits.Skip(1).ToList());
    }

    public ReplyModel Role(RoleCommand command) => RolePage(command.Query, 0, command.Private);

    public ReplyModel About(AboutCommand command)
    {
        var summary = search.Summary;
        if (summary is null)
            return new ReplyModel { Content = NotReadyMessage, Ephemeral = true };

        var indexedAt = summary.IndexedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new ReplyModel
        {
            Title = "CreditsBot — what is indexed",
            Description =
                $"**{summary.Documents.Count}** documents · **{summary.Sections}** sections · " +
                $"**{summary.People}** people · **{summary.Credits}** credits\nIndexed <t:{indexedAt}:f> (<t:{indexedAt}:R>)",
            Fields = summary.Documents
                .Select(d => new ReplyField(Escape(d.Title), $"{d.Sections} sections · {d.Credits} credits\n`{Escape(d.Id)}`", Inline: true))
                .ToList(),
            Links = summary.Documents.Where(d => d.Url is not null).Select(d => new ReplyLink(d.Title, d.Url!)).ToList(),
            Footer = "Use /credits person, /credits section or /credits role",
            Ephemeral = command.Private,
        };
    }

    /// <summary>A button click: the page or lookup its custom id names. <paramref name="ephemeral"/> only matters for new messages.</summary>
    public ReplyModel Button(CustomIdTarget target, int page, bool ephemeral = false)
    {
        switch (target.Kind)
        {
            // A key from an older index (or a hand-made id) is looked up as text before giving up.
            case CustomIdKind.PersonKey:
                return (search.GetPerson(target.Argument) ?? search.FindPerson(target.Argument, limit: 1).Hits.FirstOrDefault()) is { } person
                    ? PersonPage(person, page, ephemeral, others: [])
                    : Gone("That person is no longer in the index.");
            case CustomIdKind.SectionKey:
                return (search.GetSection(target.Argument) ?? search.FindSection(target.Argument, limit: 1).Hits.FirstOrDefault()) is { } section
                    ? SectionPage(section, page, ephemeral, others: [])
                    : Gone("That section is no longer in the index.");
            case CustomIdKind.RoleQuery:
                return RolePage(target.Argument, page, ephemeral);
            case CustomIdKind.PersonQuery:
                return Person(new PersonCommand(target.Argument, ephemeral));
            case CustomIdKind.SectionQuery:
                return Section(new SectionCommand(target.Argument, null, ephemeral));
            default:
                return Gone("This button no longer does anything.");
        }
    }

    public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteRequest request)
    {
        AutocompleteKind? kind = (request.Subcommand, request.Option) switch
        {
            (CreditsCommandDefinitions.Person, CreditsCommandDefinitions.NameOption) => AutocompleteKind.Person,
            (CreditsCommandDefinitions.Section, CreditsCommandDefinitions.NameOption) => AutocompleteKind.Section,
            (CreditsCommandDefinitions.With, CreditsCommandDefinitions.NameOption) => AutocompleteKind.Person,
            (CreditsCommandDefinitions.Compare, CreditsCommandDefinitions.FirstPersonOption or CreditsCommandDefinitions.SecondPersonOption) => AutocompleteKind.Person,
            _ => null,
        };
        if (kind is null || string.IsNullOrWhiteSpace(request.Text))
            return [];
        var document = kind == AutocompleteKind.Section ? request.Document : null;
        return search.Autocomplete(kind.Value, request.Text, document, 25);
    }

    /// <summary>"Area › Section", or the area alone when the section only repeats it (leads listed under the area heading).</summary>
    internal static string SectionPath(CreditArea area, CreditSection section) =>
        section.Title == area.Title ? Escape(area.Title) : $"{Escape(area.Title)} › {Escape(section.Title)}";

    private ReplyModel PersonPage(PersonHit hit, int page, bool ephemeral, IReadOnlyList<PersonHit> others, string? query = null)
    {
        // One field per document (continued on the next field or page when long), one line per credit in page order.
        var groups = hit.Credits
            .GroupBy(c => c.Document)
            .Select(g => (Name: Escape(g.Key.Title),
                          Lines: (IReadOnlyList<string>)g.OrderBy(c => c.Order)
                              .Select(c => c.Role is null ? SectionPath(c.Area, c.Section) : $"{SectionPath(c.Area, c.Section)} — *{Escape(c.Role)}*")
                              .ToList()))
            .ToList();
        var pages = Paginator.PackFields(groups);
        var current = Math.Clamp(page, 0, Math.Max(0, pages.Count - 1));
        var documents = hit.Credits.Select(c => c.Document).DistinctBy(d => d.Id).ToList();

        var description = new List<string>
        {
            $"**{hit.Credits.Count}** credit{(hit.Credits.Count == 1 ? "" : "s")} in {string.Join(", ", documents.Select(d => Escape(d.Title)))}",
        };
        if (query is not null && hit.Tier == MatchTier.Fuzzy)
            description.Add($"Closest match for “{Escape(query)}”.");
        if (hit.AlsoCreditedAs.Count > 0)
            description.Add($"Also credited as: {string.Join(", ", hit.AlsoCreditedAs.Select(Escape))}");

        return new ReplyModel
        {
            Title = Escape(hit.Name),
            Description = string.Join('\n', description),
            Fields = pages.Count > 0 ? pages[current] : [],
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, new CustomIdTarget(CustomIdKind.PersonKey, hit.Key)),
            Buttons = others.Take(OtherMatchButtons)
                .Select(o => new ReplyButton(o.Name, CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.PersonKey, o.Key), 0) ?? ""))
                .ToList(),
            Links = DocumentLinks(documents),
            Ephemeral = ephemeral,
        };
    }

    private ReplyModel SectionPage(SectionHit hit, int page, bool ephemeral, IReadOnlyList<SectionHit> others)
    {
        var credits = hit.Section.Credits;
        var lines = credits.Select((c, i) => $"{i + 1}\\. **{Escape(c.Person)}**" + (c.Role is null ? "" : $" — {Escape(c.Role)}"));
        var pages = Paginator.PackLines(lines);
        var current = Math.Clamp(page, 0, Math.Max(0, pages.Count - 1));
        var header = $"{Escape(hit.Area.Title)} · {Escape(hit.Document.Title)}\n**{credits.Count}** {(credits.Count == 1 ? "person" : "people")}, in page order";

        return new ReplyModel
        {
            // The header names the area and document, so the title is the section's own name.
            Title = Escape(hit.Section.Title),
            Description = pages.Count > 0 ? header + "\n\n" + pages[current] : header,
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, new CustomIdTarget(CustomIdKind.SectionKey, hit.Key)),
            Buttons = others.Take(OtherMatchButtons)
                .Select(o => new ReplyButton(o.DisplayName, CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.SectionKey, o.Key), 0) ?? ""))
                .ToList(),
            Links = DocumentLinks([hit.Document]),
            Ephemeral = ephemeral,
        };
    }

    private ReplyModel RolePage(string query, int page, bool ephemeral)
    {
        var result = search.FindRole(query, limit: 100);
        if (result.Hits.Count == 0)
            return NotFound($"No role matches “{Escape(query)}”.", result.DidYouMean, CustomIdKind.RoleQuery);

        var lines = result.Hits.Select(h =>
            $"**{Escape(h.Person)}** — " + string.Join("; ", h.Credits.Select(c =>
                $"{(c.Role is null ? "credited" : Escape(c.Role))} ({Escape(c.Document.Title)} › {Escape(c.Section.Title)})")));
        var pages = Paginator.PackLines(lines, maxLines: 15);
        var current = Math.Clamp(page, 0, pages.Count - 1);
        var documents = result.Hits.SelectMany(h => h.Credits).Select(c => c.Document).DistinctBy(d => d.Id).ToList();
        return new ReplyModel
        {
            Title = $"Role: “{Escape(query)}”",
            Description = $"**{result.Hits.Count}** {(result.Hits.Count == 1 ? "person" : "people")}\n\n{pages[current]}",
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, new CustomIdTarget(CustomIdKind.RoleQuery, query)),
            Links = DocumentLinks(documents),
            Ephemeral = ephemeral,
        };
    }

    internal static ReplyModel NotFound(string message, IReadOnlyList<string> suggestions, CustomIdKind kind)
    {
        var distinct = suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Take(SuggestionButtons).ToList();
        return new ReplyModel
        {
            Title = "No match",
            Description = distinct.Count == 0
                ? message
                : $"{message}\nDid you mean: {string.Join(", ", distinct.Select(Escape))}?",
            Buttons = distinct
                .Select(s => new ReplyButton(s, CustomIdCodec.Encode(new CustomIdTarget(kind, s), 0) ?? ""))
                .ToList(),
            Ephemeral = true,
        };
    }

    internal static ReplyModel Gone(string message) => new() { Content = message, Ephemeral = true };

    internal static string? PageFooter(int current, int count) => count > 1 ? $"Page {current + 1}/{count}" : null;

    internal static List<ReplyLink> DocumentLinks(IEnumerable<CreditsDocument> documents) =>
        documents.Where(d => d.Url is not null).Select(d => new ReplyLink(d.Title, d.Url!)).ToList();
}
