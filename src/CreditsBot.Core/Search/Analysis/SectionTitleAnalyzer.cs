using Lucene.Net.Analysis;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>
/// Section, area and document titles ("Long context kernels", "Red teaming", "GPT-4V"): the same chain as
/// roles with its own abbreviation table ("ctx" → context, "rlhf" → rl, "eval" → evaluation).
/// </summary>
public sealed class SectionTitleAnalyzer : Analyzer
{
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ctx"] = "context",
        ["eval"] = "evaluation",
        ["evals"] = "evaluation",
        ["infra"] = "infrastructure",
        ["perf"] = "performance",
        ["opt"] = "optimization",
        ["optimisation"] = "optimization",
        ["arch"] = "architecture",
        ["eng"] = "engineering",
        ["rlhf"] = "rl",
        ["mgmt"] = "management",
        ["deploy"] = "deployment",
        ["sec"] = "security",
        ["comms"] = "communications",
        ["ops"] = "operations",
        ["teamers"] = "teaming",
        ["teamer"] = "teaming",
        ["redteam"] = "red",
        ["redteaming"] = "red",
    };

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        DescriptiveTextAnalysis.Create(reader, DescriptiveTextAnalysis.StopWords, Abbreviations);
}
