namespace CreditsBot.Core.Search.Index;

/// <summary>
/// The people whose name starts with a typed text, best known first, without a term query: the exact forms that
/// may be completed (with a space, or of a one-word name: "georgeshih" is for exact lookups, not for "georges")
/// sorted once, so a prefix is a range found by binary search. A prefix shared by thousands of forms ("ma") has
/// its best-known people worked out when the index is built, so no lookup reads more than a few thousand forms.
/// </summary>
internal sealed class NameBeginnings
{
    /// <summary>A prefix with more forms than this gets its best-known people worked out in advance.</summary>
    private const int RangeScanLimit = 2048;

    /// <summary>How many best-known people a common prefix keeps: a page of choices and then some.</summary>
    private const int Kept = 50;

    private readonly string[] forms;
    private readonly int[] ordinals;
    private readonly Dictionary<string, int[]> common = new(StringComparer.Ordinal);

    public NameBeginnings(IndexedPerson[] people)
    {
        var all = people
            .SelectMany(p => p.ExactKeys.Where(k => Completes(p, k)).Distinct(StringComparer.Ordinal).Select(k => (Form: k, p.Ordinal)))
            .OrderBy(x => x.Form, StringComparer.Ordinal)
            .ThenBy(x => x.Ordinal)
            .ToArray();
        forms = all.Select(x => x.Form).ToArray();
        ordinals = all.Select(x => x.Ordinal).ToArray();
        KeepCommon(0, forms.Length, 0);
    }

    /// <summary>For forms[start..end), which share their first <paramref name="depth"/> letters: when there are many, keep their best-known people and go one letter deeper.</summary>
    private void KeepCommon(int start, int end, int depth)
    {
        if (end - start <= RangeScanLimit)
            return;
        if (depth > 0)
            common[forms[start][..depth]] = FromRange(start, end, Kept, new HashSet<int>()).ToArray();
        var at = start;
        while (at < end && forms[at].Length <= depth)
            at++; // the form that is the prefix itself sorts first
        while (at < end)
        {
            var letter = forms[at][depth];
            var next = at;
            while (next < end && forms[next][depth] == letter)
                next++;
            KeepCommon(at, next, depth + 1);
            at = next;
        }
    }

    private static bool Completes(IndexedPerson person, string form) => form.Contains(' ') || person.Tokens.Length < 2;

    /// <summary>The ordinals of the best-known <paramref name="count"/> people (lowest ordinals) with a form starting with <paramref name="prefix"/>.</summary>
    public List<int> First(string prefix, int count, ISet<int> skip)
    {
        if (common.TryGetValue(prefix, out var best))
        {
            var kept = best.Where(o => !skip.Contains(o)).Take(count).ToList();
            if (kept.Count == count || best.Length < Kept)
                return kept;
        }
        var start = LowerBound(prefix);
        var end = start;
        while (end < forms.Length && forms[end].StartsWith(prefix, StringComparison.Ordinal))
            end++;
        return FromRange(start, end, count, skip);
    }

    private List<int> FromRange(int start, int end, int count, ISet<int> skip)
    {
        var best = new SortedSet<int>();
        for (var i = start; i < end; i++)
        {
            if (skip.Contains(ordinals[i]) || !best.Add(ordinals[i]))
                continue;
            if (best.Count > count)
                best.Remove(best.Max);
        }
        return [.. best];
    }

    private int LowerBound(string prefix)
    {
        var (low, high) = (0, forms.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(forms[middle], prefix) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
