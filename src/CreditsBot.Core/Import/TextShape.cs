using System.Text.RegularExpressions;

namespace CreditsBot.Core.Import;

/// <summary>
/// What a run of text looks like: a person's name, a heading, a role, or prose. General knowledge only
/// (name particles, initials, suffixes, nicknames in parentheses, the usual words of roles), never the
/// names or titles of a particular page.
/// </summary>
public static partial class TextShape
{
    // Lower-case particles that may stand inside a name: "Filipe de Avila Belbute Peres", "Ludwig van Beethoven", "Rhys ap Gwilym".
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von",
        "ter", "ten", "bin", "binti", "bint", "ibn", "ben", "al", "el", "y", "e", "zu", "af", "av", "ap", "ab", "lo", "degli", "dei", "des", "st.",
    };

    // Prefixes written joined to a capitalised rest of the surname: McAllister, MacPherson, DiMaggio, LaFleur, DeAndre.
    private static readonly HashSet<string> CapitalisedNamePrefixes = new(StringComparer.Ordinal)
    {
        "Mc", "Mac", "Di", "De", "Da", "Du", "Le", "La", "Van", "Von", "Fitz", "Del", "Della", "Des", "Dos",
    };

    // Generational and similar suffixes that end a name: "Martin King Jr.", "Henry Ford III".
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", "VI",
    };

    // The last words roles usually have: "Kernel lead", "Product manager", "Core infrastructure author".
    private static readonly HashSet<string> RoleEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "lead", "leads", "co-lead", "colead", "co-leads", "manager", "management", "director", "engineer", "engineering",
        "researcher", "research", "scientist", "designer", "design", "architect", "architecture", "author", "owner",
        "coordinator", "head", "chair", "co-chair", "editor", "writer", "developer", "maintainer", "contributor",
        "advisor", "adviser", "mentor", "reviewer", "tester", "testing", "analyst", "producer", "officer", "founder",
        "co-founder", "organizer", "organiser", "administrator", "specialist", "consultant", "strategist", "artist",
        "animator", "composer", "programmer", "intern", "liaison", "sponsor", "operations", "support", "prototype",
        "deployment", "infrastructure", "evaluation", "evaluations", "safety", "data", "tooling", "derisking", "creativity",
    };

    // Words roles usually begin with: "Research engineering lead", "Overall lead", "Technical program manager".
    private static readonly HashSet<string> RoleStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "research", "engineering", "overall", "technical", "program", "programme", "project", "product", "team", "tech",
        "senior", "principal", "chief", "head", "lead", "co-lead", "deputy", "vice", "executive", "managing", "general",
        "associate", "assistant", "staff", "core", "data", "infrastructure", "design", "safety", "security", "platform",
        "systems", "software", "hardware", "model", "training", "evaluation", "evals", "release", "launch", "quality",
        "developer", "community", "documentation", "operations", "policy", "legal", "communications", "marketing",
        "frontend", "backend", "api", "ml", "ai", "ux", "ui", "qa", "devops", "site", "build", "test", "testing", "art",
        "creative", "art", "sound", "audio", "music", "visual", "level", "game", "narrative", "production", "inference",
        "optimization", "alignment", "pretraining", "scaling", "deployment", "applied", "human", "reward", "kernel", "kernels",
        "manager", "director", "coordinator", "editor", "owner",
    };

    /// <summary>One word of a name: "Brockman", "Gontijo-Lopes", "Ji-hoon", "McLeavey", "O’Keefe", "al-Rashid", "J.", "R.K.", "CJ", "(Rai)".</summary>
    [GeneratedRegex(@"^(\(\p{Lu}[\p{L}\p{M}'’.\-]*\)|(?:\p{Lu}\.){1,3}|\p{Lu}{1,3}|(?:(?:al|el|ad|ar|as|at|an|ash|az|ul|ud|ur|d|l)[-'’])?\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu})?[\p{L}\p{M}]*(?:[-‐'’][\p{L}][\p{L}\p{M}]*)*\.?)$")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string[] Words(string text) =>
        Whitespace().Split(text.Trim()).Where(w => w.Length > 0).ToArray();

    // Accessibility and menu links that scrapes of web pages start or end with: never a title or a credit.
    private static readonly HashSet<string> NavigationLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "Skip to main content", "Skip to content", "Skip navigation", "Menu", "Back to top", "Close", "Search", "Log in", "Sign up",
    };

    public static bool IsNavigation(string line) => NavigationLines.Contains(line.Trim());

    public static bool IsCapitalisedNamePrefix(string word) => CapitalisedNamePrefixes.Contains(word);

    public static bool IsSuffix(string word) => Suffixes.Contains(word);

    /// <summary>True for "Greg Brockman", "Michael (Rai) Pokorny", "Janko", "A. J. Okoro", "Min-seo Kim", "Omar al-Farsi", "Henry Ford III".</summary>
    public static bool IsPlausibleName(string text, int maxWords = 7) => WhyNotAName(text, maxWords) is null;

    /// <summary>Null for a plausible name; otherwise the reason in words.</summary>
    public static string? WhyNotAName(string text, int maxWords = 7)
    {
        var words = Words(text);
        if (words.Length == 0) return "it is empty";
        if (words.Length > maxWords || text.Length > 80) return $"it is too long for a name ({words.Length} words)";
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var isEdge = i == 0 || i == words.Length - 1;
            if (!isEdge && Particles.Contains(word)) continue;
            if (i > 0 && i == words.Length - 1 && Suffixes.Contains(word)) continue;
            if (!NameWord().IsMatch(word))
            {
                return char.IsLower(word[0])
                    ? $"'{word}' starts with a lower-case letter{(isEdge && Particles.Contains(word) ? " (a particle cannot begin or end a name)" : "")}"
                    : $"'{word}' is not shaped like a word of a name";
            }
            if (word.EndsWith('.') && !IsInitials(word)) return $"'{word}' ends with a period but is not an initial";
        }

        // A name has at least one word that is more than an initial or an acronym.
        return words.Any(w => w.Length >= 2 && w.Skip(1).Any(char.IsLower)) ? null : "it has only initials or capitals";
    }

    public static bool IsInitials(string word) => word.Length >= 2 && word.Where((_, k) => k % 2 == 1).All(c => c == '.') && word.Where((_, k) => k % 2 == 0).All(char.IsUpper);

    /// <summary>
    /// The items of a comma list; an item that is only a suffix ("…, Jr.") belongs to the name before it, and
    /// "X and Y" (or "and Y" after a serial comma) is two names.
    /// </summary>
    public static IEnumerable<string> SplitNames(string line)
    {
        var items = new List<string>();
        foreach (var raw in line.Split(','))
        {
            var item = raw.Trim();
            if (item.StartsWith("and ", StringComparison.Ordinal) && IsPlausibleName(item[4..])) item = item[4..].Trim();
            if (item.Length == 0) continue;
            if (items.Count > 0 && Suffixes.Contains(item)) items[^1] += ", " + item;
            else items.AddRange(NamesIn(item));
        }

        return items;
    }

    /// <summary>"Yuki Tanaka and Sam Lee" → both names; anything else stays one item.</summary>
    public static IReadOnlyList<string> NamesIn(string item)
    {
        foreach (var conjunction in new[] { " and ", " & " })
        {
            var at = item.IndexOf(conjunction, StringComparison.Ordinal);
            if (at > 0 && IsPlausibleName(item[..at]) && IsPlausibleName(item[(at + conjunction.Length)..]))
                return [item[..at].Trim(), item[(at + conjunction.Length)..].Trim()];
        }

        return [item];
    }

    /// <summary>True for "… lead", "… co-lead", "… manager": the last word is one roles usually end with.</summary>
    public static bool EndsLikeRole(string text)
    {
        var words = Words(text);
        return words.Length > 0 && RoleEnds.Contains(words[^1].TrimEnd('.', ','));
    }

    /// <summary>True for "Research engineering …", "Overall …": the first word is one roles usually begin with.</summary>
    public static bool BeginsLikeRole(string role)
    {
        var words = Words(role);
        return words.Length > 0 && RoleStarts.Contains(words[0].TrimEnd(','));
    }

    /// <summary>True when a word of the text is one that titles and roles use ("Core", "Infrastructure", "Data").</summary>
    public static bool HasTitleWord(string text) => Words(text).Any(w => RoleStarts.Contains(w) || RoleEnds.Contains(w));

    /// <summary>
    /// A word that goes on a name and so cannot be the first word of a role: a particle, a suffix, an initial, a
    /// nickname; or a word followed by a comma (the line is a list: "Ann Lee, Bo Chen").
    /// </summary>
    public static bool CannotBeginRole(string word) =>
        Particles.Contains(word) || Suffixes.Contains(word) || IsInitials(word) || word.StartsWith('(') || word.EndsWith(',');

    /// <summary>True for a short title: "Core contributors", "GPT-4 API & ChatML deployment", "Vision", "Kite 2.0 credits".</summary>
    public static bool IsPlausibleHeading(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 100) return false;
        if (!char.IsUpper(trimmed[0]) && !char.IsDigit(trimmed[0])) return false;
        if (IsProse(trimmed)) return false;
        return Words(trimmed).Length <= 12;
    }

    /// <summary>Sentences, not titles: many words, a sentence break, or a colon.</summary>
    public static bool IsProse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains(':')) return true;
        if (SentenceBreak().IsMatch(trimmed)) return true;
        var words = Words(trimmed);
        if (words.Length >= 12) return true;
        return trimmed.EndsWith('.') && words.Length >= 4 && !IsPlausibleName(trimmed);
    }

    // A period after a word of two or more letters, then a space or a capital: "GPT-4.We", "above. We".
    [GeneratedRegex(@"[\p{Ll}\d]{2,}[.!?]['’”""]?(\s|\p{Lu})")]
    private static partial Regex SentenceBreak();

    /// <summary>A role: "Supercomputing lead", "Overall lead, optimization lead". Anything short that is not prose.</summary>
    public static bool IsPlausibleRole(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 150 && !SentenceBreak().IsMatch(trimmed) && Words(trimmed).Length <= 20;
    }
}
