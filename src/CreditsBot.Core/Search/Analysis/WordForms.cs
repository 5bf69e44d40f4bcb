namespace CreditsBot.Core.Search.Analysis;

/// <summary>
/// The one table of word forms for role and section text (general knowledge, applied at index and query
/// time before stemming): irregular forms of "lead", and the short forms people type for the words of team
/// and role names. Two words stemming alike (manager, management → manag) need one entry.
/// </summary>
public static class WordForms
{
    public static readonly IReadOnlyDictionary<string, string> Replacements = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["led"] = "lead",
        ["leader"] = "lead",
        ["leaders"] = "lead",
        ["head"] = "lead",
        ["headed"] = "lead",
        ["heads"] = "lead",
        ["colead"] = "lead",
        ["ctx"] = "context",
        ["eval"] = "evaluation",
        ["evals"] = "evaluation",
        ["infra"] = "infrastructure",
        ["perf"] = "performance",
        ["mgr"] = "manager",
        ["mgmt"] = "management",
        ["mgt"] = "management",
        ["pm"] = "management",
        ["eng"] = "engineering",
        ["engg"] = "engineering",
        ["engineer"] = "engineering",
        ["engineers"] = "engineering",
        ["arch"] = "architecture",
        ["opt"] = "optimization",
        ["optim"] = "optimization",
        ["optimisation"] = "optimization",
        ["rm"] = "reward",
        ["sec"] = "security",
        ["docs"] = "documentation",
        ["rlhf"] = "rl",
        ["deploy"] = "deployment",
        ["comms"] = "communications",
        ["ops"] = "operations",
        ["teamers"] = "teaming",
        ["teamer"] = "teaming",
        ["redteam"] = "red",
        ["redteaming"] = "red",
        ["econ"] = "economic",
        ["sys"] = "system",
        ["dev"] = "development",
        ["dist"] = "distributed",
        ["admin"] = "administration",
        ["intl"] = "international",
        ["hw"] = "hardware",
        ["sw"] = "software",
        ["info"] = "information",
    };
}
