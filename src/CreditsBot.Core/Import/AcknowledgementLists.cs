using System.Text.RegularExpressions;

namespace CreditsBot.Core.Import;

/// <summary>
/// Finds the lists of names inside acknowledgement prose: "… red teamers … policies: Ann Lee, Bo Chen and Cy Wu."
/// A list runs from a colon to the first item that is not a name; it counts when it names two people or more.
/// The prose around the lists is listed in the import report as skipped.
/// </summary>
public static partial class AcknowledgementLists
{
    [GeneratedRegex(@":\s*")]
    private static partial Regex Colon();

    // "X, Y and Z", "X, Y, and Z", "X & Y": the last item of a list is joined with a conjunction.
    [GeneratedRegex(@"\s+(?:and|&)\s+")]
    private static partial Regex Conjunction();

    public static IEnumerable<PageEvent> Find(PageText page, string prose, int offset, int line)
    {
        var events = new List<PageEvent>();
        foreach (Match colon in Colon().Matches(prose))
        {
            var names = NamesAfter(prose[(colon.Index + colon.Length)..]);
            if (names.Count < 2) continue;
            var lead = prose[Math.Max(0, colon.Index - 200)..colon.Index];
            var sentenceStart = Math.Max(lead.LastIndexOf(". ", StringComparison.Ordinal), lead.LastIndexOf('.'));
            events.Add(new AcknowledgementList(lead[(sentenceStart + 1)..].Trim(), line));
            events.AddRange(names.Select(name => new CreditRead(name, null, line)));
        }

        var credited = events.OfType<CreditRead>().Count();
        page.Skipped(offset, prose, credited == 0 ? "prose" : $"prose; the {credited} names listed after a colon are credits");
        return events;
    }

    private static List<string> NamesAfter(string rest)
    {
        var names = new List<string>();
        foreach (var raw in rest.Split(','))
        {
            var item = raw.Trim();
            if (item.StartsWith("and ", StringComparison.Ordinal)) item = item[4..].Trim();
            var end = SentenceEnd(item);
            var candidate = (end >= 0 ? item[..end] : item).Trim();
            var parts = Conjunction().Split(candidate);
            if (!parts.All(p => TextShape.IsPlausibleName(p)))
            {
                // "Ann Lee and the whole team": the name before the conjunction still counts.
                if (parts.Length > 1 && TextShape.IsPlausibleName(parts[0])) names.Add(parts[0].Trim());
                break;
            }

            names.AddRange(parts.Select(p => p.Trim()));
            if (end >= 0 || parts.Length > 1) break; // the sentence (or the list) ends here
        }

        return names;
    }

    /// <summary>
    /// Where a sentence ends inside a list item ("Xuhui Zhou.Contributors …"), ignoring initials ("Jake J. Hecla",
    /// "R.K. Iyer"); a period after a suffix ("Bo King Jr.") stays with the name.
    /// </summary>
    private static int SentenceEnd(string item)
    {
        for (var i = 0; i < item.Length; i++)
        {
            if (item[i] is not ('.' or '!' or '?')) continue;
            var next = i + 1 < item.Length ? item[i + 1] : ' ';
            var isInitial = i >= 1 && char.IsUpper(item[i - 1]) && (i == 1 || item[i - 2] is ' ' or '.') && (next == ' ' || char.IsUpper(next)) && i + 1 < item.Length;
            if (isInitial) continue;
            var wordStart = item.LastIndexOf(' ', i - 1 < 0 ? 0 : i - 1) + 1;
            if (item[i] == '.' && TextShape.IsSuffix(item[wordStart..(i + 1)]))
            {
                // "Bo King Jr., Cy Wu": the period is the name's; "Bo King Jr. We …", "Bo King Jr.Contributors …": it also ends
                // the sentence (a name does not go on after its suffix).
                var after = i + 2 < item.Length ? item[i + 2] : ' ';
                if (char.IsUpper(next) || (next == ' ' && char.IsUpper(after))) return i + 1;
                continue;
            }

            return i;
        }

        return -1;
    }
}
