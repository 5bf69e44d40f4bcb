using System.Text;

namespace CreditsBot.Core.Import;

/// <summary>
/// Undoes UTF-8 text that was decoded as Latin-1 (or Windows-1252), including the common case where the
/// C1 bytes (0x80–0x9F) were dropped on the way: "Ã©" → é, "Â·" → ·, a lone "â" between words → — or ’,
/// a lone "Å" before a lower-case letter → Ł. Lost bytes are guessed from context; everything else is exact.
/// </summary>
public static class MojibakeRepair
{
    // Windows-1252 puts printable characters where Latin-1 has C1 controls; map them back to their bytes.
    private static readonly Dictionary<char, byte> Cp1252 = BuildCp1252();

    /// <summary>
    /// True when the text holds a UTF-8 multi-byte sequence spelled as Latin-1 characters ("Ã©"), or the remains of
    /// one whose C1 bytes were dropped where clean text never has them: "â" between a letter (or "." or ")") and a
    /// capital ("BernerâSupercomputing"), "Ã"/"Ä"/"Å" after a lower-case letter ("PrzybyÅowski", "MichaÅ"), "Ã" before a
    /// lower-case letter ("Ãlodie").
    /// </summary>
    public static bool LooksGarbled(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (ByteOf(text[i]) is { } lead && lead is >= 0xC2 and <= 0xDF && ByteOf(text[i + 1]) is { } next && IsContinuation(next))
                return true;
            if (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '.' or ')') && text[i] == 'â' && char.IsUpper(text[i + 1]))
                return true;
            if (text[i] == 'Ã' && char.IsAsciiLetterLower(text[i + 1]) || text[i] is 'Ã' or 'Ä' or 'Å' && i > 0 && char.IsLower(text[i - 1]))
                return true;
        }

        return false;
    }

    /// <summary>A character whose UTF-8 bytes were partly lost: where it stood in the input, as written, and the guess.</summary>
    public sealed record LostCharacter(int Offset, string Written, string Guess);

    /// <summary>The repaired text, the input offset of each of its characters, and the guesses made.</summary>
    public sealed record Repaired(string Text, int[] Origins, IReadOnlyList<LostCharacter> Guesses);

    /// <summary>Repairs <paramref name="text"/> if it looks garbled; returns it unchanged otherwise.</summary>
    public static string Repair(string text) => RepairWithMap(text).Text;

    public static Repaired RepairWithMap(string text) =>
        LooksGarbled(text) ? Decode(text) : new Repaired(text, Enumerable.Range(0, text.Length).ToArray(), []);

    private static Repaired Decode(string text)
    {
        // In a page scraped onto one line, words are glued ("co-leadÅukasz"): a lost capital after a
        // lower-case letter is then far likelier than a lower-case letter inside a word.
        var wordStarts = WordStartsAfterSpaces(text, PageShapes.LooksGlued(text));
        var output = new StringBuilder(text.Length);
        var origins = new List<int>(text.Length);
        var guesses = new List<LostCharacter>();
        var bytes = new List<byte>(4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (ByteOf(c) is not { } lead || lead < 0x80)
            {
                Emit(c.ToString(), i);
                i++;
                continue;
            }

            var expected = lead switch
            {
                >= 0xC2 and <= 0xDF => 1,
                >= 0xE0 and <= 0xEF => 2,
                >= 0xF0 and <= 0xF4 => 3,
                _ => -1,
            };
            if (expected < 0)
            {
                Emit(c.ToString(), i); // a stray continuation byte or an invalid lead: keep as written
                i++;
                continue;
            }

            bytes.Clear();
            bytes.Add(lead);
            var j = i + 1;
            while (bytes.Count <= expected && j < text.Length && ByteOf(text[j]) is { } b && IsContinuation(b))
            {
                bytes.Add(b);
                j++;
            }

            if (bytes.Count == expected + 1)
            {
                Emit(Encoding.UTF8.GetString(bytes.ToArray()), i);
            }
            else
            {
                var guess = GuessLost(lead, bytes.Count - 1, text, i, j, output.Length > 0 ? output[^1] : ' ', wordStarts);
                if (guess.Length > 0 && lead != 0xE2 && guess != text[i..j])
                    guesses.Add(new LostCharacter(i, text[i..j], guess));
                Emit(guess, i);
            }

            i = j;
        }

        return new Repaired(output.ToString(), origins.ToArray(), guesses);

        void Emit(string repaired, int origin)
        {
            output.Append(repaired);
            for (var k = 0; k < repaired.Length; k++)
                origins.Add(origin);
        }
    }

    /// <summary>
    /// A sequence whose C1 continuation bytes were dropped: guess the character from its lead byte and context.
    /// A letter of the block is a capital at the start of a word followed by a lower-case letter (À–ß → É,
    /// Ā–ğ → Č, Ġ–ş → Ł) and lower-case otherwise (ß, č, ł). On a glued page a word may start right after a
    /// lower-case letter ("co-leadŁukasz"): there it is a capital only when the same word stands elsewhere on the
    /// page after a space, or when the word before it is one roles end with ("lead", "manager"); otherwise it is
    /// lower-case, so a name is never split by a guess ("Dvořák" stays one word).
    /// </summary>
    private static string GuessLost(byte lead, int kept, string text, int start, int end, char before, ISet<string> wordStarts)
    {
        var after = DecodedAt(text, end);
        var startsWord = !char.IsLetter(before) ||
                         (char.IsLower(before) && (wordStarts.Contains(WordStartKey(text, start, end)) || TextShape.EndsLikeRole(WordBefore(text, start))));
        var capital = startsWord && char.IsLower(after);

        switch (lead)
        {
            case 0xE2 when kept == 1:
                // E2 80 xx with only the 0x80 lost: "â¢" is •, "â¦" is …
                var b2 = ByteOf(text[start + 1])!.Value;
                return Encoding.UTF8.GetString([0xE2, 0x80, b2]);
            case 0xE2:
                return GuessPunctuation(text, start, end);
            case 0xC2:
                return string.Empty; // C1 control characters carry nothing visible
            case 0xC3:
                return capital ? "É" : "ß";
            case 0xC4:
                return capital ? "Č" : "č";
            case 0xC5:
                // Ł/ł are the most frequent letters of this block in names (Łukasz, Michał).
                return capital ? "Ł" : "ł";
            default:
                return text[start..end];
        }
    }

    /// <summary>On a glued page, the lost letters that start a word after a space or punctuation, with the letters after them ("Å|ukasz").</summary>
    private static HashSet<string> WordStartsAfterSpaces(string text, bool glued)
    {
        var starts = new HashSet<string>(StringComparer.Ordinal);
        if (!glued) return starts;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] is 'Ã' or 'Ä' or 'Å' && !char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLower(text[i + 1]))
                starts.Add(WordStartKey(text, i, i + 1));
        }

        return starts;
    }

    private static string WordBefore(string text, int start)
    {
        var from = start;
        while (from > 0 && char.IsLetter(text[from - 1])) from--;
        return text[from..start];
    }

    private static string WordStartKey(string text, int start, int end)
    {
        var run = end;
        while (run < text.Length && char.IsLower(text[run])) run++;
        return text[start] + "|" + text[end..run];
    }

    /// <summary>The character at <paramref name="index"/> once repaired, when it starts a whole two-byte sequence ("Ã¡" is á).</summary>
    private static char DecodedAt(string text, int index)
    {
        if (index >= text.Length) return ' ';
        if (index + 1 < text.Length && ByteOf(text[index]) is >= 0xC2 and <= 0xDF && ByteOf(text[index + 1]) is { } next && IsContinuation(next))
            return Encoding.UTF8.GetString([ByteOf(text[index])!.Value, next])[0];
        return text[index];
    }

    /// <summary>
    /// A lone "â" is U+20xx punctuation whose two last bytes were lost: an apostrophe inside a word (O’Keefe,
    /// Microsoft’s), an en dash between digits, and otherwise the em dash that separates a name from a role.
    /// </summary>
    private static string GuessPunctuation(string text, int start, int end)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        if (char.IsDigit(before) || (char.IsDigit(after) && !char.IsLetter(before)))
            return "–";
        if (char.IsLetter(before) && char.IsLower(after))
        {
            var run = 0;
            while (end + run < text.Length && char.IsLower(text[end + run])) run++;
            if (run <= 2) return "’"; // possessive or contraction: 's, 't, 'll, 're, 'd
        }

        if (char.IsUpper(before) && char.IsUpper(after) && (start < 2 || !char.IsLetter(text[start - 2])))
            return "’"; // a one-letter name particle: O’Keefe, D’Angelo

        return "—";
    }

    private static bool IsContinuation(byte b) => b is >= 0x80 and <= 0xBF;

    private static byte? ByteOf(char c)
    {
        if (c <= 0xFF) return (byte)c;
        return Cp1252.TryGetValue(c, out var b) ? b : null;
    }

    private static Dictionary<char, byte> BuildCp1252()
    {
        var map = new Dictionary<char, byte>();
        var chars = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";
        for (var k = 0; k < chars.Length; k++)
        {
            if (chars[k] != '\0') map[chars[k]] = (byte)(0x80 + k);
        }

        return map;
    }
}
