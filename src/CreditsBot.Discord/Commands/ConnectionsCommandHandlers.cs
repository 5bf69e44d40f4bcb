using System.Globalization;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;
using CreditsBot.Discord.Replies;
using static CreditsBot.Discord.Commands.CreditsCommandHandlers;
using static CreditsBot.Discord.Replies.Markdown;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// <c>/credits with</c> and <c>/credits compare</c>: people are resolved exactly as <c>/credits person</c> resolves
/// them (an autocomplete key, else the best match of the text, with other matches and "did you mean" as selects);
/// every page is rebuilt from its custom id alone.
/// </summary>
public sealed class ConnectionsCommandHandlers(ICreditsSearch search, ICreditsConnections connections)
{
    public const int PeoplePerPage = 10;
    /// <summary>How many collaborators an answer ranks (and pages through).</summary>
    public const int MaxCollaborators = 100;
    private const int SectionsPerLine = 3;
    private const int OtherMatches = 10;
    private const string PersonGone = "PersonGone";

    /// <param name="ephemeral">Whether the answer is private (decided by <see cref="ReplyPrivacy"/>).</param>
    public ReplyModel Handle(CreditsCommand command, bool ephemeral) => command switch
    {
        WithCommand c => With(c, ephemeral),
        CompareCommand c => Compare(c, ephemeral),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public ReplyModel With(WithCommand command, bool ephemeral)
    {
        if (search.GetPerson(command.Name) is { } byKey)
            return WithPage(byKey, 0, ephemeral, []);
        var result = search.FindPerson(command.Name, limit: 1 + OtherMatches);
        if (result.Hits.Count == 0)
            return NotFound(ReplyText.Get("NoPerson", Escape(command.Name)), result.DidYouMean, CustomIdKind.WithKey);
        if (PersonResolution.Resolve(result) is not { } person)
            return TossUp(command.Name, result.Hits, CustomIdKind.WithKey);
        return WithPage(person, 0, ephemeral, result.Hits.Skip(1).ToList());
    }

    public ReplyModel Compare(CompareCommand command, bool ephemeral)
    {
        var (a, b) = (Resolve(command.A), Resolve(command.B));
        if (a is null || b is null)
        {
            var (missing, other) = a is null ? (command.A, b?.Key ?? command.B) : (command.B, a.Key);
            var suggestions = search.FindPerson(missing).DidYouMean;
            var reply = NotFound(ReplyText.Get("NoPerson", Escape(missing)), suggestions, CustomIdKind.ComparePair);
            // A suggestion replaces the missing person and keeps the other one.
            var choices = (reply.Pick?.Choices ?? [])
                .Select(c => (c.Label, Target: a is null ? CustomIdCodec.Pair(c.Label, other) : CustomIdCodec.Pair(other, c.Label)))
                .Where(x => x.Target is not null)
                .Select(x => new ReplyChoice(x.Label, CustomIdCodec.Encode(x.Target!, 0) ?? ""))
                .ToList();
            return reply with { Pick = choices.Count == 0 ? null : reply.Pick! with { Choices = choices } };
        }
        return ComparePage(a, b, 0, ephemeral);
    }

    /// <summary>A click on a page button or a choice of a suggestion of these answers.</summary>
    public ReplyModel Open(CustomIdTarget target, int page, bool ephemeral)
    {
        switch (target.Kind)
        {
            case CustomIdKind.WithKey:
                return Resolve(target.Argument) is { } person ? WithPage(person, page, ephemeral, []) : Gone(PersonGone);
            case CustomIdKind.ComparePair when CustomIdCodec.TrySplitPair(target.Argument, out var keyA, out var keyB):
                return (Resolve(keyA), Resolve(keyB)) is ({ } a, { } b) ? ComparePage(a, b, page, ephemeral) : Gone(PersonGone);
            default:
                return Gone("ButtonGone");
        }
    }

    /// <summary>A key picked from autocomplete (or kept in a button), else the best match of the text.</summary>
    private PersonHit? Resolve(string text) =>
        search.GetPerson(text) ?? search.FindPerson(text, limit: 1).Hits.FirstOrDefault();

    private ReplyModel WithPage(PersonHit hit, int page, bool ephemeral, IReadOnlyList<PersonHit> others)
    {
        if (connections.Collaborators(hit.Key, MaxCollaborators) is not { } result)
            return Gone(PersonGone);
        var lines = result.Collaborators.Select((c, i) => CollaboratorLine(i + 1, c));
        var pages = Paginator.PackLines(lines, maxLines: PeoplePerPage);
        var current = Math.Clamp(page, 0, Math.Max(0, pages.Count - 1));
        var name = Escape(result.Person.Name);
        var target = new CustomIdTarget(CustomIdKind.WithKey, hit.Key);
        var header = WithHeader(result.Total, result.Collaborators.Count, name);
        if (result.Person.Spellings.Count > 1)
            header += "\n" + ReplyText.Get("WithCountedAsOne", string.Join(", ", result.Person.Spellings.Select(Escape)));

        return new ReplyModel
        {
            Title = ReplyText.Get("WithTitle", name),
            Description = pages.Count > 0 ? header + "\n\n" + pages[current] : header,
            Footer = PageFooter(current, pages.Count),
            Pages = new PageNavigation(current, pages.Count, target),
            // As /credits person: other matches in a select, each opening their own answer.
            Pick = others.Count == 0 ? null : new ReplyPick(ReplyText.Get("OtherMatches"), others
                .Select(o => new ReplyChoice(o.Name, CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.WithKey, o.Key), 0) ?? ""))
                .ToList()),
            Buttons = PostButton(target, current, ephemeral),
            Links = DocumentLinks(hit.Credits.Select(c => c.Document).DistinctBy(d => d.Id)),
            Ephemeral = ephemeral,
        };
    }

    /// <summary>How many people share a section with the person, with the rule that ranks them.</summary>
    private static string WithHeader(int total, int shown, string name)
    {
        if (total == 0)
            return ReplyText.Get("WithNoOne", name);
        var count = total == 1 ? ReplyText.Get("WithSharedOne", total, name)
            : total > shown ? ReplyText.Get("WithSharedManyBest", total, name, shown)
            : ReplyText.Get("WithSharedMany", total, name);
        return count + "\n" + ReplyText.Get("WithWeighting");
    }

    private static string CollaboratorLine(int rank, Collaborator collaborator)
    {
        var shown = string.Join("; ", collaborator.Shared.Take(SectionsPerLine).Select(Place));
        var places = collaborator.Shared.Count > SectionsPerLine
            ? ReplyText.Get("WithSectionsAndMore", shown, collaborator.Shared.Count - SectionsPerLine)
            : shown;
        var count = ReplyText.Get(collaborator.Shared.Count == 1 ? "WithSectionsOne" : "WithSectionsMany", collaborator.Shared.Count);
        return $"{rank}\\. **{Escape(collaborator.Person.Name)}** — {Score(collaborator.Score)} · {count}: {places}";
    }

    private ReplyModel ComparePage(PersonHit hitA, PersonHit hitB, int page, bool ephemeral)
    {
        if (connections.Compare(hitA.Key, hitB.Key) is not { } result)
            return Gone(PersonGone);
        var (a, b) = (Escape(result.A.Name), Escape(result.B.Name));
        var groups = new List<(string Name, IReadOnlyList<string> Lines)>();
        if (!result.SamePerson)
        {
            if (result.Shared.Count > 0)
                groups.Add((ReplyText.Get("CompareTogether", result.Shared.Count), result.Shared.Select(s => $"{Place(s.Section)} — {a}: {Roles(s.CreditsA)}; {b}: {Roles(s.CreditsB)}").ToList()));
            groups.Add(Without(a, b, result.OnlyA));
            groups.Add(Without(b, a, result.OnlyB));
        }
        var pages = Paginator.PackFields(groups.Where(g => g.Lines.Count > 0));
        var current = Math.Clamp(page, 0, Math.Max(0, pages.Count - 1));
        var target = CustomIdCodec.Pair(hitA.Key, hitB.Key);

        return new ReplyModel
        {
            Title = result.SamePerson ? a : ReplyText.Get("CompareTitle", a, b),
            Description = CompareSummary(result, a, b),
            Fields = pages.Count > 0 ? pages[current] : [],
            Footer = PageFooter(current, pages.Count),
            Pages = target is null ? null : new PageNavigation(current, pages.Count, target),
            Buttons = target is null ? [] : PostButton(target, current, ephemeral),
            Links = DocumentLinks(hitA.Credits.Concat(hitB.Credits).Select(c => c.Document).DistinctBy(d => d.Id)),
            Ephemeral = ephemeral,
        };
    }

    private static (string Name, IReadOnlyList<string> Lines) Without(string person, string other, IReadOnlyList<SectionCredits> sections) =>
        (ReplyText.Get("CompareWithout", person, other, sections.Count), sections.Select(s => $"{Place(s.Section)} — {Roles(s.Credits)}").ToList());

    private static string CompareSummary(ComparisonResult result, string a, string b)
    {
        if (result.SamePerson)
            return result.A.Spellings.Count > 1
                ? ReplyText.Get("CompareSamePersonCreditedAs", string.Join(", ", result.A.Spellings.Select(Escape)))
                : ReplyText.Get("CompareSamePerson");
        var counts = string.Join(" · ",
            ReplyText.Get(result.Shared.Count == 1 ? "CompareTogetherCountOne" : "CompareTogetherCountMany", result.Shared.Count),
            ReplyText.Get("CompareOnly", a, result.OnlyA.Count, b),
            ReplyText.Get("CompareOnly", b, result.OnlyB.Count, a));
        if (result.Shared.Count > 0)
            return counts;
        if (result.Chain is not { Count: > 0 } chain)
            return counts + "\n" + ReplyText.Get("CompareNoLink", ChainFinder.MaxSteps);
        var links = string.Concat(chain.Select(s => " " + ReplyText.Get("CompareChainLink", Place(s.Section), s.Section.Members, Escape(s.To.Name))));
        return counts + "\n" + ReplyText.Get("CompareLinked", chain.Count, $"**{Escape(chain[0].From.Name)}**{links}");
    }

    /// <summary>"Area › Section (Document)".</summary>
    private static string Place(SectionRef section) => $"{SectionPath(section.Area, section.Section)} ({Escape(section.Document.Title)})";

    private static string Roles(IReadOnlyList<CreditEntry> credits)
    {
        var roles = credits.Select(c => c.Role).OfType<string>().Distinct(StringComparer.Ordinal).Select(r => $"*{Escape(r)}*").ToList();
        return roles.Count == 0 ? ReplyText.Get("Credited") : string.Join(", ", roles);
    }

    private static string Score(double score) => score.ToString("0.###", CultureInfo.InvariantCulture);
}
