using System.Globalization;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Replies;
using static CreditsBot.Discord.Replies.Markdown;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// The commands as plain functions: typed options in, a reply model out, in the words of the current UI
/// culture. Every page of an answer is rebuilt from its custom id alone (kind, key or query, page number), so
/// buttons and selects survive restarts. A private answer carries a "Post in channel" button for the same page.
/// </summary>
public sealed class CreditsCommandHandlers(ICreditsSearch search)
{
    private const int OtherMatches = 10;
    private const int Suggestions = 10;
    private const int MentionsPerPage = 5;
    private const int MainCredits = 3;

    public static string NotReadyMessage => ReplyText.Get("NotReady");

    /// <param name="ephemeral">Whether the answer is private (decided by <see cref="ReplyPrivacy"/>).</param>
    public ReplyModel Handle(CreditsCommand command, bool ephemeral) => command switch
    {
        PersonCommand c => Person(c.Name, ephemeral),
        SectionCommand c => Section(c.Name, c.Document, ephemeral),
        RoleCommand c => RolePage(c.Query, 0, ephemeral),
        AboutCommand => About(ephemeral),
        MentionsCommand c => Mentions(c.Text, ephemeral),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>A click or a choice: the page or lookup its custom id names.</summary>
    public ReplyModel Open(CustomIdTarget target, int page, bool ephemeral) => target.Kind switch
    {
        CustomIdKind.PersonKey => ResolvePerson(new KeyReference(target.Argument, target.Digest)) is { } person
            ? PersonPage(person, page, ephemeral, others: [])
            : Gone("PersonGone"),
        CustomIdKind.SectionKey => ResolveSection(target) is { } section
            ? SectionPage(section, page, ephemeral, others: [])
            : Gone("SectionGone"),
        CustomIdKind.RoleQuery => RolePage(target.Argument, page, ephemeral),
        CustomIdKind.PersonQuery => Person(target.Argument, ephemeral),
        CustomIdKind.SectionQuery => Section(target.Argument, null, ephemeral),
        CustomIdKind.About => About(ephemeral),
        CustomIdKind.Mentions => MentionsPage(CustomIdCodec.MentionReferences(target.Argument).Select(ResolvePerson).OfType<PersonHit>()
            .DistinctBy(p => p.Key).ToList(), page, ephemeral, found: null),
        _ => Gone("ButtonGone"),
    };

    public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteRequest request)
    {
        if (request is { Subcommand: CreditsCommandDefinitions.Section, Option: CreditsCommandDefinitions.DocumentOption })
            return Documents(request.Text);
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
        return search.Autocomplete(kind.Value, request.Text, document, DiscordLimits.AutocompleteChoices);
    }

    /// <summary>The live index's documents whose title or id contains the typed text (all of them for none), up to 25.</summary>
    private List<AutocompleteChoice> Documents(string text) =>
        (search.Summary?.Documents ?? [])
            .Where(d => string.IsNullOrWhiteSpace(text)
                || d.Title.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)
                || d.Id.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(d => new AutocompleteChoice(string.IsNullOrWhiteSpace(d.Title) ? d.Id : d.Title, d.Id))
            .ToList();

    private ReplyModel Person(string name, bool ephemeral)
    {
        // A value picked from autocomplete is a key; anything typed is a query.
        if (search.GetPerson(name) is { } byKey)
            return PersonPage(byKey, 0, ephemeral, others: []);
        var result = search.FindPerson(name, limit: 1 + OtherMatches);
        if (result.Hits.Count == 0)
            return NotFound(ReplyText.Get("NoPerson", Escape(name)), result.DidYouMean, CustomIdKind.PersonQuery);
        if (PersonResolution.Resolve(result) is not { } person)
            return TossUp(name, result.Hits, CustomIdKind.PersonKey);
        return PersonPage(person, 0, ephemeral, others: result.Hits.Skip(1).ToList(), query: name);
    }

    private ReplyModel Section(string name, string? document, bool ephemeral)
    {
        if (search.GetSection(name) is { } byKey)
            return SectionPage(byKey, 0, ephemeral, others: []);
        var result = search.FindSection(name, document, limit: 1 + OtherMatches);
        if (result.Hits.Count == 0)
            return NotFound(ReplyText.Get("NoSection", Escape(name)), result.DidYouMean, CustomIdKind.SectionQuery);
        return SectionPage(result.Hits[0], 0, ephemeral, others: result.Hits.Skip(1).ToList());
    }

    private ReplyModel About(bool ephemeral)
    {
        var summary = search.Summary;
        if (summary is null)
            return new ReplyModel { Content = NotReadyMessage, Ephemeral = true };

        var indexedAt = summary.IndexedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new ReplyModel
        {
            Title = ReplyText.Get("AboutTitle"),
            Description = ReplyText.Get("AboutSummary", summary.Documents.Count, summary.Sections, summary.People, summary.Credits)
                + "\n" + ReplyText.Get("IndexedAt", $"<t:{indexedAt}:f>", $"<t:{indexedAt}:R>"),
            Fields = summary.Documents
                .Select(d => new ReplyField(Escape(d.Title), ReplyText.Get("AboutDocument", d.Sections, d.Credits) + $"\n`{Escape(d.Id)}`", Inline: true))
                .Concat(PageStatusField())
                .ToList(),
            Links = summary.Documents.Where(d => d.Url is not null).Select(d => new ReplyLink(d.Title, d.Url!)).ToList(),
            Footer = ReplyText.Get("AboutFooter"),
            Buttons = PostButton(new CustomIdTarget(CustomIdKind.About, CreditsCommandDefinitions.About), 0, ephemeral),
            Ephemeral = ephemeral,
        };
    }

    /// <summary>Each page of the latest import, indexed or rejected with its reason; none when there is no status.</summary>
    private IEnumerable<ReplyField> PageStatusField()
    {
        var pages = search.Pages;
        if (pages.Count == 0)
            yield break;
        var lines = pages.Select(p => p.Indexed
            ? ReplyText.Get("PageIndexed", $"`{Escape(p.Page)}`")
            : ReplyText.Get(p.OlderVersionServed ? "PageRejectedOlderServed" : "PageRejected", $"`{Escape(p.Page)}`", Escape(p.Problem ?? "")));
        yield return new ReplyField(ReplyText.Get("PagesField"), Truncate(string.Join('\n', lines), DiscordLimits.FieldValue));
    }

    private ReplyModel Mentions(string text, bool ephemeral)
    {
        var found = search.FindMentions(text, DiscordLimits.SelectOptions);
        if (found.Count == 0)
            return new ReplyModel { Title = ReplyText.Get("MentionsTitle"), Description = ReplyText.Get("NoMentions"), Ephemeral = ephemeral };
        return MentionsPage(found.Select(m => m.Person).ToList(), 0, ephemeral, found.Count);
    }

    /// <summary>"Area › Section", or the area alone when the section only repeats it (leads listed under the area heading).</summary>
    internal static string SectionPath(CreditArea area, CreditSection section) =>
        section.Title == area.Title ? Escape(area.Title) : $"{Escape(area.Title)} › {Escape(section.Title)}";

    private static string CreditLine(CreditEntry c) =>
        c.Role is null ? SectionPath(c.Area, c.Section) : $"{SectionPath(c.Area, c.Section)} — *{Escape(c.Role)}*";

    private ReplyModel PersonPage(PersonHit hit, int page, bool ephemeral, IReadOnlyList<PersonHit> others, string? query = null)
    {
        // One field per document (continued on the next field or page when long), one line per credit in page order.
        var groups = hit.Credits
            .GroupBy(c => c.Document)
            .Select(g => (Name: Escape(g.Key.Title), Lines: (IReadOnlyList<string>)g.OrderBy(c => c.Order).Select(CreditLine).ToList()))
            .ToList();
        var pages = Paginator.PackFields(groups);
        var current = Math.Clamp(page, 0, Math.Max(0, pages.Count - 1));
        var documents = hit.Credits.Select(c => c.Document).DistinctBy(d => d.Id).ToList();

        var description = new List<string> { CreditCount(hit.Credits.Count, string.Join(", ", documents.Select(d => Escape(d.Title)))) };
        if (query is not null && hit.Tier == MatchTier.Fuzzy)
            description.Add(ReplyText.Get("ClosestMatch", Escape(query)));
        if (hit.AlsoCreditedAs.Count > 0)
            description.Add(ReplyText.Get("AlsoCreditedAs", string.Join(", ", hit.AlsoCreditedAs.Select(Escape))));

        var target = new CustomIdTarget(CustomIdKind.PersonKey, hit.Key);
        return new ReplyModel
        {
            Title = Escape(hit.Name),
            Description = string.Join('\n', description),
            Fields = pages.Count > 0 ? pages[current] : [],
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, target),
            Pick = others.Count == 0 ? null : new ReplyPick(ReplyText.Get("OtherMatches"), others.Select(PersonChoice).ToList()),
            Buttons = PostButton(target, current, ephemeral),
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
        var header = $"{Escape(hit.Area.Title)} · {Escape(hit.Document.Title)}\n" + ReplyText.Get(credits.Count == 1 ? "SectionPeopleOne" : "SectionPeopleMany", credits.Count);

        var target = new CustomIdTarget(CustomIdKind.SectionKey, hit.Key);
        return new ReplyModel
        {
            // The header names the area and document, so the title is the section's own name.
            Title = Escape(hit.Section.Title),
            Description = pages.Count > 0 ? header + "\n\n" + pages[current] : header,
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, target),
            Pick = others.Count == 0 ? null : new ReplyPick(ReplyText.Get("OtherMatches"), others.Select(o => new ReplyChoice(
                o.Section.Title, CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.SectionKey, o.Key), 0) ?? "",
                $"{o.Area.Title} · {o.Document.Title}")).ToList()),
            Buttons = PostButton(target, current, ephemeral),
            Links = DocumentLinks([hit.Document]),
            Ephemeral = ephemeral,
        };
    }

    private ReplyModel RolePage(string query, int page, bool ephemeral)
    {
        var result = search.FindRole(query, limit: 100);
        if (result.Hits.Count == 0)
            return NotFound(ReplyText.Get("NoRole", Escape(query)), result.DidYouMean, CustomIdKind.RoleQuery);

        var lines = result.Hits.Select(h =>
            $"**{Escape(h.Person)}** — " + string.Join("; ", h.Credits.Select(c =>
                $"{(c.Role is null ? ReplyText.Get("Credited") : Escape(c.Role))} ({Escape(c.Document.Title)} › {Escape(c.Section.Title)})")));
        var pages = Paginator.PackLines(lines, maxLines: 15);
        var current = Math.Clamp(page, 0, pages.Count - 1);
        var documents = result.Hits.SelectMany(h => h.Credits).Select(c => c.Document).DistinctBy(d => d.Id).ToList();
        var target = new CustomIdTarget(CustomIdKind.RoleQuery, query);
        return new ReplyModel
        {
            Title = ReplyText.Get("RoleTitle", Escape(query)),
            Description = ReplyText.Get(result.Hits.Count == 1 ? "PeopleOne" : "PeopleMany", result.Hits.Count) + $"\n\n{pages[current]}",
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, target),
            Buttons = PostButton(target, current, ephemeral),
            Links = DocumentLinks(documents),
            Ephemeral = ephemeral,
        };
    }

    /// <summary>
    /// The people found in a message, a few a page with their main credits; every page is rebuilt from the
    /// references in the custom id, and a select opens any of them (also those whose reference did not fit).
    /// </summary>
    private ReplyModel MentionsPage(IReadOnlyList<PersonHit> people, int page, bool ephemeral, int? found)
    {
        if (people.Count == 0)
            return Gone("PersonGone");
        var (target, fitting) = CustomIdCodec.MentionsTarget(people.Select(p => p.Key).ToList());
        var paged = people.Take(Math.Max(1, fitting)).ToList();
        var pageCount = (paged.Count + MentionsPerPage - 1) / MentionsPerPage;
        var current = Math.Clamp(page, 0, pageCount - 1);
        var fields = paged.Skip(current * MentionsPerPage).Take(MentionsPerPage).Select(p => new ReplyField(
            Escape(p.Name),
            CreditCount(p.Credits.Count, string.Join(", ", p.Credits.Select(c => Escape(c.Document.Title)).Distinct())) + "\n"
                + string.Join('\n', p.Credits.OrderBy(c => c.Order).Take(MainCredits).Select(CreditLine))
                + (p.Credits.Count > MainCredits ? "\n…" : ""))).ToList();
        var notPaged = people.Count - paged.Count;
        return new ReplyModel
        {
            Title = ReplyText.Get("MentionsTitle"),
            Description = ReplyText.Get(people.Count == 1 ? "MentionsFoundOne" : "MentionsFoundMany", found ?? people.Count)
                + (notPaged > 0 ? "\n" + ReplyText.Get("MentionsInPick", notPaged) : ""),
            Fields = fields,
            Footer = PageFooter(current, pageCount),
            Pages = fitting > 0 ? new PageNavigation(current, pageCount, target) : null,
            Pick = new ReplyPick(ReplyText.Get("OpenPerson"), people.Select(PersonChoice).ToList()),
            Buttons = fitting > 0 ? PostButton(target, current, ephemeral) : [],
            Ephemeral = ephemeral,
        };
    }

    /// <summary>
    /// A name that fits several people about equally well (<see cref="PersonResolution"/>): no answer picked for
    /// the user, only the people to choose from; a choice opens <paramref name="kind"/> for that person.
    /// </summary>
    internal static ReplyModel TossUp(string query, IReadOnlyList<PersonHit> people, CustomIdKind kind) => new()
    {
        Title = ReplyText.Get("TossUpTitle"),
        Description = ReplyText.Get("TossUp", Escape(query), people.Count),
        Pick = new ReplyPick(ReplyText.Get("WhichPerson"), people.Select(p => PersonChoice(p, kind)).ToList()),
        Ephemeral = true,
    };

    private static ReplyChoice PersonChoice(PersonHit person) => PersonChoice(person, CustomIdKind.PersonKey);

    private static ReplyChoice PersonChoice(PersonHit person, CustomIdKind kind) => new(
        person.Name,
        CustomIdCodec.Encode(new CustomIdTarget(kind, person.Key), 0) ?? "",
        ReplyText.Get(person.Credits.Count == 1 ? "ChoiceDescriptionOne" : "ChoiceDescriptionMany", person.Credits.Count, string.Join(", ", person.Credits.Select(c => c.Document.Title).Distinct())));

    internal static ReplyModel NotFound(string message, IReadOnlyList<string> suggestions, CustomIdKind kind)
    {
        var distinct = suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).Take(Suggestions).ToList();
        return new ReplyModel
        {
            Title = ReplyText.Get("NoMatchTitle"),
            Description = message,
            Pick = distinct.Count == 0 ? null : new ReplyPick(ReplyText.Get("DidYouMean"), distinct
                .Select(s => new ReplyChoice(s, CustomIdCodec.Encode(new CustomIdTarget(kind, s), 0) ?? ""))
                .ToList()),
            Ephemeral = true,
        };
    }

    /// <summary>"Post in channel" on a private answer: the same page, posted once, publicly.</summary>
    internal static IReadOnlyList<ReplyButton> PostButton(CustomIdTarget target, int page, bool ephemeral) =>
        ephemeral && CustomIdCodec.Encode(target, page, post: true) is { } customId
            ? [new ReplyButton(ReplyText.Get("PostInChannel"), customId)]
            : [];

    private PersonHit? ResolvePerson(KeyReference reference) =>
        Resolve(reference, search.GetPerson, (text, limit) => search.FindPerson(text, limit: limit).Hits, h => h.Key);

    private SectionHit? ResolveSection(CustomIdTarget target) =>
        Resolve(new KeyReference(target.Argument, target.Digest), search.GetSection, (text, limit) => search.FindSection(text, limit: limit).Hits, h => h.Key);

    /// <summary>
    /// A whole key is looked up as a key, then (from an older index) as text. A key that did not fit: its start
    /// finds the candidates and its digest picks the one, else the best hit of the text lookup.
    /// </summary>
    private static T? Resolve<T>(KeyReference reference, Func<string, T?> byKey, Func<string, int, IReadOnlyList<T>> find, Func<T, string> keyOf)
        where T : class
    {
        if (reference.Digest is null)
            return byKey(reference.Text) ?? find(reference.Text, 1).FirstOrDefault();
        var hits = find(reference.Text, DiscordLimits.SelectOptions);
        return hits.FirstOrDefault(h => reference.Matches(keyOf(h))) ?? hits.FirstOrDefault();
    }

    private static string CreditCount(int count, string documents) =>
        ReplyText.Get(count == 1 ? "CreditsInOne" : "CreditsInMany", count, documents);

    internal static ReplyModel Gone(string key) => new() { Content = ReplyText.Get(key), Ephemeral = true };

    internal static string? PageFooter(int current, int count) => count > 1 ? ReplyText.Get("PageFooter", current + 1, count) : null;

    internal static List<ReplyLink> DocumentLinks(IEnumerable<CreditsDocument> documents) =>
        documents.Where(d => d.Url is not null).Select(d => new ReplyLink(d.Title, d.Url!)).ToList();
}
