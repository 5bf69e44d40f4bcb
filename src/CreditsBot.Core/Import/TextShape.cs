using System.Text.RegularExpressions;

namespace CreditsBot.Core.Import;

/// <summary>
/// What a run of text looks like: a person's name, a heading, a role, or prose. General knowledge only
/// (name particles, initials, nicknames in parentheses), never the names or titles of a particular page.
/// </summary>
public static partial class TextShape
{
    // Lower-case particles that may stand inside a name: "Filipe de Avila Belbute Peres", "Ludwig van Beethoven".
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von",
        "ter", "ten", "bin", "ibn", "al", "el", "y", "e", "zu", "af", "av",
    };

    /// <summary>One word of a name: "Brockman", "Gontijo-Lopes", "McLeavey", "O’Keefe", "J.", "CJ", "(Rai)".</summary>
    [GeneratedRegex(@"^(\(\p{Lu}[\p{L}\p{M}'’.\-]*\)|\p{Lu}\.|\p{Lu}{1,3}|\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu})?[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)*\.?)$")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string[] Words(string text) =>
        Whitespace().Split(text.Trim()).Where(w => w.Length > 0).ToArray();

    /// <summary>True for "Greg Brockman", "Michael (Rai) Pokorny", "Janko", "Henrique Ponde de Oliveira Pinto".</summary>
    public static bool IsPlausibleName(string text, int maxWords = 6)
    {
        var words = Words(text);
        if (words.Length == 0 || words.Length > maxWords || text.Length > 80) return false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var isEdge = i == 0 || i == words.Length - 1;
            if (!isEdge && Particles.Contains(word)) continue;
            if (!NameWord().IsMatch(word)) return false;
            if (word.EndsWith('.') && word.Length > 2) return false; // only initials end with a period
        }

        // A name has at least one word that is more than an initial or an acronym.
        return words.Any(w => w.Length >= 2 && w.Skip(1).Any(char.IsLower));
    }

    /// <summary>True for a short title: "Core contributors", "GPT-4 API & ChatML deployment", "Vision".</summary>
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
        return trimmed.EndsWith('.') && words.Length >= 4;
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
