using System.Security.Cryptography;
using System.Text;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>
/// Section keys made from what a section is called, not where it stands: "gpt-4/pretraining/core-contributors".
/// The same titles give the same key after a page is edited and re-indexed; a key that no longer exists still
/// reads as words, so a lookup by text finds the section it meant. A second section with the same titles in
/// one document gets "~2", and so on, in page order.
/// </summary>
public sealed class SectionKeys
{
    /// <summary>Room left for a key in a button's custom id, with margin.</summary>
    public const int MaxLength = 80;

    private const int HashLength = 8;

    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    public string Next(CreditsDocument document, CreditArea area, CreditSection section)
    {
        var key = Fit($"{document.Id}/{Slug(area.Title)}/{Slug(section.Title)}");
        var count = seen[key] = seen.GetValueOrDefault(key) + 1;
        return count == 1 ? key : $"{key}~{count}";
    }

    /// <summary>
    /// Reads a key back as a lookup: the section title's words within the key's document. A key whose area or section
    /// was renamed since no longer exists; its section words still find the section it meant.
    /// </summary>
    public static bool TryRead(string text, out string documentId, out string sectionWords)
    {
        documentId = sectionWords = "";
        var parts = text.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || p.Any(char.IsWhiteSpace)))
            return false;
        var section = parts[2];
        var suffix = section.IndexOf('~', StringComparison.Ordinal);
        documentId = parts[0];
        sectionWords = (suffix < 0 ? section : section[..suffix]).Replace('-', ' ');
        return sectionWords.Length > 0;
    }

    /// <summary>Lower-case letters and digits; every other run of characters becomes one hyphen.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        return slug.ToString().TrimEnd('-');
    }

    /// <summary>A long key keeps its start and ends in a short hash of the whole, leaving room for a "~n" suffix.</summary>
    private static string Fit(string key)
    {
        const int room = MaxLength - 4;
        if (key.Length <= room)
            return key;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..HashLength].ToLowerInvariant();
        var cut = room - HashLength - 1;
        if (char.IsHighSurrogate(key[cut - 1]))
            cut--;
        return key[..cut] + "~" + hash;
    }
}
