using Lucene.Net.Analysis;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>
/// Role strings ("Triton lead", "Long context co-lead") and role questions ("who led long context"):
/// the name chain, then question and stop words dropped, a small table of abbreviations and
/// irregular forms, and the Porter stemmer (leads/leading → lead, evaluations → evalu).
/// </summary>
public sealed class RoleTextAnalyzer : Analyzer
{
    /// <summary>General abbreviations and irregular verb forms seen in role questions, applied before stemming.</summary>
    public static readonly IReadOnlyDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["led"] = "lead",
        ["leader"] = "lead",
        ["leaders"] = "lead",
        ["head"] = "lead",
        ["headed"] = "lead",
        ["ctx"] = "context",
        ["eval"] = "evaluation",
        ["evals"] = "evaluation",
        ["infra"] = "infrastructure",
        ["perf"] = "performance",
        ["mgr"] = "manager",
        ["mgmt"] = "management",
        ["eng"] = "engineering",
        ["engineer"] = "engineering",
        ["engineers"] = "engineering",
        ["arch"] = "architecture",
        ["opt"] = "optimization",
        ["optimisation"] = "optimization",
        ["colead"] = "lead",
        ["pm"] = "manager",
        ["rm"] = "reward",
        ["sec"] = "security",
        ["docs"] = "documentation",
    };

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NormalizingCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        DescriptiveTextAnalysis.Create(reader, DescriptiveTextAnalysis.StopWords, Abbreviations);
}
