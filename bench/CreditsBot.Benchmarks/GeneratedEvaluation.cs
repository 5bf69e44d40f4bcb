using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Evaluation;
using FuzzySharp;
using FuzzySharp.PreProcess;

namespace CreditsBot.Benchmarks;

/// <summary>
/// <c>--eval</c>: the generated evaluation over the bundled pages, the bot beside an off-the-shelf baseline
/// (FuzzySharp's WRatio over the display names, answering its best choice when the score reaches a threshold;
/// the threshold of each kind is the one that scores best on the tuning part).
/// </summary>
internal static class GeneratedEvaluation
{
    public const string BaselineName = "WRatio";

    public static int Run(CreditsCatalog catalog, ICreditsSearch search, int perClass)
    {
        var queries = new EvalSetGenerator(catalog).Both(perClass);
        var bot = EvalScore.Count(queries, q => EvalScore.Bot(search, q));
        var baseline = new WRatioBaseline(catalog, queries);
        var baselineTallies = EvalScore.Count(queries, baseline.Answer);
        Console.WriteLine($"Generated evaluation: {queries.Count} queries ({queries.Count(q => q.Kind is EvalKind.Person or EvalKind.Autocomplete)} person and autocomplete), " +
            $"{perClass} per person class; baseline thresholds (best on the tuning part): {string.Join(", ", baseline.Thresholds.Select(t => $"{t.Key.ToString().ToLowerInvariant()} {t.Value}"))}");
        Console.WriteLine();
        Console.Write(EvalScore.Table(bot, baselineTallies, BaselineName));
        if (Environment.GetEnvironmentVariable("EVAL_FAILURES") is { } kind)
        {
            foreach (var q in queries.Where(q => q.Part == EvalPart.Tuning && q.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase)))
            {
                var answer = EvalScore.Bot(search, q);
                if (!answer.IsRightFor(q))
                    Console.WriteLine($"MISS [{q.Class}] \"{q.Text}\" expected {(q.ExpectsNothing ? "nothing" : string.Join(" | ", q.Accepted.Take(3)))}, got {(answer.Answered ? answer.TopNames[0] : "nothing")}");
            }
        }
        return 0;
    }

    private sealed class WRatioBaseline
    {
        private readonly Dictionary<EvalQuery, (int Score, string Name)> best = new(ReferenceEqualityComparer.Instance);

        public WRatioBaseline(CreditsCatalog catalog, IReadOnlyList<EvalQuery> queries)
        {
            var names = catalog.Entries().Select(e => e.Person).Distinct(StringComparer.Ordinal).ToArray();
            var sections = catalog.Documents.SelectMany(d => d.Areas.SelectMany(a => a.Sections.Select(s => EvalSetGenerator.DisplayName(d, a, s)))).Distinct().ToArray();
            var roles = catalog.Entries().Where(e => e.Role is not null)
                .SelectMany(e => e.Role!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => (Text: p, e.Person)))
                .Distinct().ToArray();
            foreach (var query in queries)
            {
                best[query] = query.Kind switch
                {
                    EvalKind.Section => Best(query.Text, sections.Select(s => (s, s))),
                    EvalKind.Role => Best(query.Text, roles.Select(r => (r.Text, r.Person))),
                    _ => Best(query.Text, names.Select(n => (n, n))),
                };
            }
            Thresholds = Enum.GetValues<EvalKind>().ToDictionary(k => k, k => BestThreshold(queries.Where(q => q.Kind == k && q.Part == EvalPart.Tuning).ToList()));
        }

        public Dictionary<EvalKind, int> Thresholds { get; }

        public EvalAnswer Answer(EvalQuery query) => AnswerAt(query, Thresholds[query.Kind]);

        private EvalAnswer AnswerAt(EvalQuery query, int threshold)
        {
            var (score, name) = best[query];
            return score >= threshold && name.Length > 0 ? new EvalAnswer([name]) : EvalAnswer.Nothing;
        }

        private int BestThreshold(List<EvalQuery> tuning) =>
            Enumerable.Range(0, 101).OrderByDescending(t => tuning.Count(q => AnswerAt(q, t).IsRightFor(q))).ThenBy(t => t).First();

        private static (int Score, string Name) Best(string text, IEnumerable<(string Choice, string Name)> choices)
        {
            var top = (Score: -1, Name: string.Empty);
            foreach (var (choice, name) in choices)
            {
                var score = Fuzz.WeightedRatio(text, choice, PreprocessMode.Full);
                if (score > top.Score)
                    top = (score, name);
            }
            return top;
        }
    }
}
