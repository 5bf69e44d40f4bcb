namespace CreditsBot.Core.Import;

/// <summary>
/// Reads a credits page scraped onto one line, where headings are glued to the names around them
/// ("…Akila WelihindaDataSandhini Agarwal, …") and each lead is "Name—Role" glued to the next.
/// The line is cut at every place a break could be (commas, dashes, a lower-case letter followed by a
/// capital), and a small dynamic programme picks the reading that follows the page grammar
/// (headings, then names or leads) with the fewest pieces.
/// </summary>
public static class GluedPageParser
{
    public static IReadOnlyList<PageEvent> Parse(PageText page, string? title)
    {
        var text = page.Text;
        var lines = text.Split('\n');
        var longest = lines.Max(l => l.Length);
        var lineIndex = Array.FindIndex(lines, l => l.Length == longest);
        var lineNumber = lineIndex + 1;
        var lineStart = lines.Take(lineIndex).Sum(l => l.Length + 1);
        var body = lines[lineIndex].TrimEnd('\r');

        // Site navigation comes before the last mention of the page title; without a title, start at the top.
        title ??= lines.Take(lineIndex).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        var start = 0;
        if (!string.IsNullOrEmpty(title))
        {
            var at = body.LastIndexOf(title, StringComparison.Ordinal);
            if (at >= 0) start = at + title.Length;
        }

        var offset = 0;
        for (var l = 0; l < lines.Length; offset += lines[l].Length + 1, l++)
        {
            if (l != lineIndex)
                page.Skipped(offset, lines[l], "outside the line that holds the credits (a title or navigation)");
        }

        page.Skipped(lineStart, body[..start], "before the title on the credits line (navigation)");
        var pieces = Cut(body, start);
        var proseAt = Enumerable.Range(0, pieces.Count).FirstOrDefault(k => TextShape.IsProse(Phrase(body, pieces, k)), -1);
        var creditPieces = proseAt < 0 ? pieces : pieces.GetRange(0, proseAt);
        if (creditPieces.Count == 0)
        {
            page.Problem(lineStart + start, body[start..Math.Min(body.Length, start + 60)], "no credits found: the page has no heading followed by names");
            return [];
        }

        var events = new List<PageEvent>();
        events.AddRange(new GlueReading(page, body, lineStart, creditPieces, lineNumber).Read());

        if (proseAt >= 0)
        {
            var proseStart = pieces[proseAt].Start;
            events.AddRange(AcknowledgementLists.Find(page, body[proseStart..], lineStart + proseStart, lineNumber));
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

            if (i > pieceStart && PageShapes.IsGluePoint(body, i, out var strong))
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
}
