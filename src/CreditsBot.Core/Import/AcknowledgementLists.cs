using System.Text.RegularExpressions;

namespace CreditsBot.Core.Import;

/// <summary>
/// Finds the lists of names inside acknowledgement prose: "… red teamers … policies: Ann Lee, Bo Chen, …, Cy Wu."
/// A list runs from a colon to the first item that is not a name; it counts when it names two people or more.
/// </summary>
public static partial class AcknowledgementLists
{
    [GeneratedRegex(@":\s*")]
    private static partial Regex Colon();

    public static IEnumerable<PageEvent> Find(string prose, int line)
    {
        foreach (Match colon in Colon().Matches(prose))
        {
            var rest = prose[(colon.Index + colon.Length)..];
            var names = new List<string>();
            foreach (var raw in rest.Split(','))
            {
                var item = raw.Trim();
                if (item.StartsWith("and ", StringComparison.Ordinal)) item = item[4..].Trim();
                var end = SentenceEnd(item);
                var candidate = end >= 0 ? item[..end].Trim() : item;
                if (!TextShape.IsPlausibleName(candidate)) break;
                names.Add(candidate);
                if (end >= 0) break; // the sentence ends after this name
            }

            if (names.Count < 2) continue;
            var lead = prose[Math.Max(0, colon.Index - 200)..colon.Index];
            var sentenceStart = Math.Max(lead.LastIndexOf(". ", StringComparison.Ordinal), lead.LastIndexOf('.'));
            yield return new AcknowledgementList(lead[(sentenceStart + 1)..].Trim(), line);
            foreach (var name in names) yield return new CreditRead(name, null, line);
        }
    }

    /// <summary>Where a sentence ends inside a list item ("Xuhui Zhou.Contributors …"), ignoring initials ("Jake J. Hecla").</summary>
    private static int SentenceEnd(string item)
    {
        for (var i = 0; i < item.Length; i++)
        {
            if (item[i] is not ('.' or '!' or '?')) continue;
            var isInitial = i >= 1 && char.IsUpper(item[i - 1]) && (i == 1 || item[i - 2] == ' ') && i + 1 < item.Length && item[i + 1] == ' ';
            if (!isInitial) return i;
        }

        return -1;
    }
}
