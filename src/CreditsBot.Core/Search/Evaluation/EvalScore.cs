using System.Globalization;
using System.Text;

namespace CreditsBot.Core.Search.Evaluation;

/// <summary>What a matcher answered: nothing, or a top answer and the names it also stands for ("also credited as").</summary>
public sealed record EvalAnswer(IReadOnlyList<string> TopNames)
{
    public static readonly EvalAnswer Nothing = new([]);

    public bool Answered => TopNames.Count > 0;

    /// <summary>Right when nothing was expected and nothing answered, or when the top answer is one of the accepted ones.</summary>
    public bool IsRightFor(EvalQuery query) => query.ExpectsNothing
        ? !Answered
        : TopNames.Any(n => query.Accepted.Contains(EvalQuery.Fold(n), StringComparer.Ordinal));
}

/// <summary>The answers of the bot on the generated queries, the same for one that searches through <see cref="ICreditsSearch"/>.</summary>
public static class EvalScore
{
    public static EvalAnswer Bot(ICreditsSearch search, EvalQuery query)
    {
        switch (query.Kind)
        {
            case EvalKind.Person:
                var hits = search.FindPerson(query.Text).Hits;
                return hits.Count == 0 ? EvalAnswer.Nothing : new EvalAnswer([hits[0].Name, .. hits[0].AlsoCreditedAs]);
            case EvalKind.Autocomplete:
                var choices = search.Autocomplete(AutocompleteKind.Person, query.Text);
                return choices.Count == 0 ? EvalAnswer.Nothing : new EvalAnswer([choices[0].Name]);
            case EvalKind.Section:
                var sections = search.FindSection(query.Text).Hits;
                return sections.Count == 0 ? EvalAnswer.Nothing : new EvalAnswer([sections[0].DisplayName]);
            default:
                var roles = search.FindRole(query.Text).Hits;
                return roles.Count == 0 ? EvalAnswer.Nothing : new EvalAnswer([roles[0].Person]);
        }
    }

    /// <summary>Counts per kind, class and part.</summary>
    public sealed record Tally(EvalKind Kind, string Class, EvalPart Part, int Count, int Right, int WrongAnswers);

    public static List<Tally> Count(IReadOnlyList<EvalQuery> queries, Func<EvalQuery, EvalAnswer> answer)
    {
        var outcomes = queries.Select(q => (Query: q, Answer: answer(q))).ToList();
        return outcomes
            .GroupBy(o => (o.Query.Kind, o.Query.Class, o.Query.Part))
            .Select(g => new Tally(g.Key.Kind, g.Key.Class, g.Key.Part, g.Count(),
                g.Count(o => o.Answer.IsRightFor(o.Query)),
                g.Count(o => o.Answer.Answered && !o.Answer.IsRightFor(o.Query))))
            .ToList();
    }

    /// <summary>
    /// A markdown table: per kind and class, the share right on the tuning and the check part for the bot and
    /// the baseline; for "none" classes the share right is the none-precision (left empty). "wrong" counts
    /// answers naming someone else (worse than no answer).
    /// </summary>
    public static string Table(IReadOnlyList<Tally> bot, IReadOnlyList<Tally> baseline, string baselineName)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| kind | class | queries (tuning / check) | bot tuning | bot check | bot wrong answers (check) | {baselineName} tuning | {baselineName} check |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in bot.GroupBy(t => (t.Kind, t.Class)).OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Class.StartsWith("none", StringComparison.Ordinal)))
        {
            var (kind, name) = group.Key;
            Tally? Find(IReadOnlyList<Tally> from, EvalPart part) => from.FirstOrDefault(t => t.Kind == kind && t.Class == name && t.Part == part);
            var (bt, bc, lt, lc) = (Find(bot, EvalPart.Tuning), Find(bot, EvalPart.Check), Find(baseline, EvalPart.Tuning), Find(baseline, EvalPart.Check));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {kind.ToString().ToLowerInvariant()} | {name} | {bt?.Count ?? 0} / {bc?.Count ?? 0} | {Share(bt)} | {Share(bc)} | {bc?.WrongAnswers ?? 0} | {Share(lt)} | {Share(lc)} |");
        }
        foreach (var part in new[] { EvalPart.Tuning, EvalPart.Check })
        {
            var b = Sum(bot, part);
            var l = Sum(baseline, part);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| all | **{part.ToString().ToLowerInvariant()} part** | {b.Count} | {(part == EvalPart.Tuning ? Share(b) : "")} | {(part == EvalPart.Check ? Share(b) : "")} | errors: bot {b.Count - b.Right}, {baselineName} {l.Count - l.Right} | {(part == EvalPart.Tuning ? Share(l) : "")} | {(part == EvalPart.Check ? Share(l) : "")} |");
        }
        return text.ToString();
    }

    public static Tally Sum(IReadOnlyList<Tally> tallies, EvalPart part)
    {
        var of = tallies.Where(t => t.Part == part).ToList();
        return new Tally(EvalKind.Person, "all", part, of.Sum(t => t.Count), of.Sum(t => t.Right), of.Sum(t => t.WrongAnswers));
    }

    private static string Share(Tally? tally) =>
        tally is null || tally.Count == 0 ? "–" : (100.0 * tally.Right / tally.Count).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
