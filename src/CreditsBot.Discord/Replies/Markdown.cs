using System.Text;

namespace CreditsBot.Discord.Replies;

/// <summary>
/// Makes text from users or from the pages show literally in Discord: markdown characters get a backslash,
/// and mention-like syntax is broken with a zero-width space. (allowed_mentions is what stops pings;
/// this only stops the text from rendering as a mention or as formatting.)
/// </summary>
public static class Markdown
{
    private const char ZeroWidthSpace = '\u200B';

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        StringBuilder? sb = null;
        var lineStart = true;       // only spaces so far on this line
        var leadingDigits = false;  // only spaces, then digits, so far on this line ("12" of "12. x")
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var control = char.IsControl(c) && c != '\n';
            var escape = IsAlwaysSpecial(c)
                || (lineStart && c is '#' or '>' or '-' or '+')
                || (leadingDigits && c == '.'); // "1. x" would become a numbered list
            if (!escape && !control && c != '@')
            {
                sb?.Append(c);
            }
            else
            {
                sb ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                if (control)
                    sb.Append(' '); // tabs, CR, NUL and the like would break layout; a space keeps words apart
                else if (c == '@')
                    sb.Append('@').Append(ZeroWidthSpace); // @everyone, @here, <@id> lose their meaning
                else
                    sb.Append('\\').Append(c);
            }
            leadingDigits = char.IsAsciiDigit(c) && (lineStart || leadingDigits);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }
        return sb?.ToString() ?? text;
    }

    // Headings (#), quotes (>), bullets (- +) and numbered lists (1.) only count at the start of a line, so they
    // are escaped only there: "GPT-4" and "Jean-Pierre" stay as they are.

    /// <summary>Characters that format wherever they stand (emphasis, code, spoilers, masked links, mentions and
    /// other angle-bracket syntax). All are non-alphanumeric, so a backslash before them is hidden.</summary>
    private static bool IsAlwaysSpecial(char c) => c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<';

    /// <summary>Cuts to at most <paramref name="max"/> characters, ending with an ellipsis, never splitting a
    /// surrogate pair or a backslash escape.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        if (max <= 1)
            return max == 1 ? "…" : "";
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        // An odd run of backslashes before the cut means the last one escapes the character we dropped.
        var slashes = 0;
        for (var i = cut - 1; i >= 0 && text[i] == '\\'; i--)
            slashes++;
        if (slashes % 2 == 1)
            cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>Cuts plain (unescaped) text such as a button label or an autocomplete name.</summary>
    public static string Clip(string text, int max) => Truncate(text, max);
}
