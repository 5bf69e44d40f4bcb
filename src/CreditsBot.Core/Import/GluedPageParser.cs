using System.Text.RegularExpressions;

namespace CreditsBot.Core.Import;

/// <summary>
/// Reads a credits page scraped onto one line, where headings are glued to the names around them
/// ("…Akila WelihindaDataSandhini Agarwal, …") and each lead is "Name—Role" glued to the next.
/// The line is cut at every place a break could be (commas, dashes, a lower-case letter followed by a
/// capital), and a small dynamic programme picks the reading that follows the page grammar
/// (headings, then names or leads) with the fewest pieces.
/// </summary>
public static partial class GluedPageParser
{
    /// <summary>A page is in the glued shape when almost all of it stands on one very long line.</summary>
    public static bool LooksGlued(string text)
    {
        var longest = 0;
        foreach (var line in text.Split('\n')) longest = Math.Max(longest, line.Length);
        return longest > 2000 && longest > text.Length / 2;
    }

    public static IReadOnlyList<PageEvent> Parse(string text, string? title, string file)
    {
        var lines = text.Split('\n');
        var lineIndex = Array.FindIndex(lines, l => l.Length == lines.Max(x => x.Length));
        var lineNumber = lineIndex + 1;
        var body = lines[lineIndex].TrimEnd('\r');

        // Site navigation comes before the last mention of the page title; without a title, start at the top.
        title ??= lines.Take(lineIndex).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var start = 0;
        if (!string.IsNullOrEmpty(title))
        {
            var at = body.LastIndexOf(title, StringComparison.Ordinal);
            if (at >= 0) start = at + title.Length;
        }

        var pieces = Cut(body, start);
        var proseAt = Enumerable.Range(0, pieces.Count).FirstOrDefault(k => TextShape.IsProse(Phrase(body, pieces, k)), -1);
        var creditPieces = proseAt < 0 ? pieces : pieces.GetRange(0, proseAt);
        if (creditPieces.Count == 0)
            throw new SeedImportException(file, lineNumber, "no credits found: the page has no heading followed by names");

        var events = new List<PageEvent>();
        events.AddRange(new GlueReading(body, creditPieces, file, lineNumber).Read());

        if (proseAt >= 0)
        {
            var prose = body[pieces[proseAt].Start..];
            events.AddRange(AcknowledgementLists.Find(prose, lineNumber));
        }

        return events;
    }

    /// <summary>The words from piece k up to the next real break: acronyms ("OpenAI") and a comma before a lower-case word do not end a sentence.</summary>
    private static string Phrase(string body, List<Piece> pieces, int k)
    {
        var m = k;
        while (m + 1 < pieces.Count && (pieces[m + 1].Before == Separator.WeakGlue ||
                                        (pieces[m + 1].Before == Separator.Comma && char.IsLower(body[pieces[m + 1].Start]))))
            m++;
        return body[pieces[k].Start..pieces[m].End];
    }

    internal enum Separator { Start, Comma, Dash, StrongGlue, WeakGlue }

    internal readonly record struct Piece(int Start, int End, Separator Before);

    /// <summary>Cuts the line at commas, name–role dashes and glue points; pieces keep their text offsets.</summary>
    private static List<Piece> Cut(string body, int start)
    {
        var pieces = new List<Piece>();
        var pieceStart = start;
        var separator = Separator.Start;
        var i = start;
        while (i < body.Length)
        {
            var c = body[i];
            if (c == ',' || c == '—')
            {
                Add(pieces, body, pieceStart, i, separator);
                separator = c == ',' ? Separator.Comma : Separator.Dash;
                i++;
                while (i < body.Length && (char.IsWhiteSpace(body[i]) || (separator == Separator.Comma && body[i] == ',')))
                    i++;
                pieceStart = i;
                continue;
            }

            if (i > pieceStart && IsGlue(body, i, out var strong))
            {
                Add(pieces, body, pieceStart, i, separator);
                separator = strong ? Separator.StrongGlue : Separator.WeakGlue;
                pieceStart = i;
            }

            i++;
        }

        Add(pieces, body, pieceStart, body.Length, separator);
        return pieces;
    }

    private static void Add(List<Piece> pieces, string body, int start, int end, Separator before)
    {
        if (body.AsSpan(start, end - start).Trim().Length > 0)
            pieces.Add(new Piece(start, end, before));
    }

    /// <summary>
    /// A capital right after a lower-case letter or digit with no space: strong when a lower-case letter follows
    /// (a new word: "leadGreg"), weak when another capital does (an acronym: "OpenAI", "WuGPT-4"). The
    /// prefixes Mc and Mac are name particles, not breaks ("McLeavey").
    /// </summary>
    private static bool IsGlue(string body, int i, out bool strong)
    {
        strong = false;
        var c = body[i];
        var prev = body[i - 1];
        if (!char.IsUpper(c) || !(char.IsLower(prev) || char.IsDigit(prev) || prev == ')')) return false;
        var wordStart = i;
        while (wordStart > 0 && char.IsLetter(body[wordStart - 1])) wordStart--;
        var word = body[wordStart..i];
        if (word is "Mc" or "Mac") return false;
        strong = i + 1 < body.Length && char.IsLower(body[i + 1]);
        return true;
    }
}
