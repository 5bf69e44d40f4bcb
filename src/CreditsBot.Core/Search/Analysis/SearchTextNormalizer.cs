using System.Globalization;
using System.Text;

namespace CreditsBot.Core.Search.Analysis;

/// <summary>
/// The first step of every analyzer, at index and at query time: NFKC, hostile characters out,
/// apostrophes joined, and a hard cap on length so no input can make a query expensive.
/// </summary>
public static class SearchTextNormalizer
{
    /// <summary>Longest text ever analysed; credits names and titles are far shorter.</summary>
    public const int MaxLength = 256;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;

        var capped = text.Length > MaxLength * 4 ? text[..(MaxLength * 4)] : text;
        string composed;
        try
        {
            composed = capped.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised: drop them and try again.
            composed = new string(capped.Where(c => !char.IsSurrogate(c)).ToArray()).Normalize(NormalizationForm.FormKC);
        }

        var builder = new StringBuilder(Math.Min(composed.Length, MaxLength));
        foreach (var c in composed)
        {
            if (builder.Length >= MaxLength)
                break;
            if (IsApostrophe(c))
                continue; // O'Keefe, O’Keefe and OKeefe are one name.
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format: // bidi marks and overrides, zero-width joiners
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static bool IsApostrophe(char c) =>
        c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '\u0060' or '\u00B4' or '\u2032';
}
