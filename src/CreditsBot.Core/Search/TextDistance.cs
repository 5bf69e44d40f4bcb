namespace CreditsBot.Core.Search;

/// <summary>Edit distance with adjacent transpositions (optimal string alignment), as FuzzyQuery counts it.</summary>
public static class TextDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 when it is larger than <paramref name="max"/>.</summary>
    public static int Edits(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
            return max + 1;
        if (a.Length == 0 || b.Length == 0)
            return Math.Max(a.Length, b.Length);
        return Table(a, b, max, prefixes: false);
    }

    /// <summary>
    /// The edits between <paramref name="typed"/> and the nearest beginning of <paramref name="word"/> (a word still
    /// being typed: "kostan" is one edit from "konstan…"), or <paramref name="max"/> + 1 when more.
    /// </summary>
    public static int PrefixEdits(string typed, string word, int max)
    {
        if (typed.Length == 0)
            return 0;
        var columns = Math.Min(word.Length, typed.Length + max);
        if (columns == 0 || columns < typed.Length - max)
            return max + 1;
        return Table(typed, word.AsSpan(0, columns), max, prefixes: true);
    }

    /// <summary>
    /// The alignment table of <paramref name="a"/> against <paramref name="b"/>, three rows on the stack (it runs
    /// thousands of times per lookup and must not allocate). Each cell of the last row is the distance from all of
    /// <paramref name="a"/> to one beginning of <paramref name="b"/>: with <paramref name="prefixes"/>, the least of
    /// them (beginnings of one letter or more); otherwise the last one.
    /// </summary>
    private static int Table(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max, bool prefixes)
    {
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 768 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max)
                return max + 1;
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        if (!prefixes)
            return Math.Min(previous[b.Length], max + 1);
        var best = max + 1;
        for (var k = Math.Max(1, a.Length - max); k <= b.Length; k++)
            best = Math.Min(best, previous[k]);
        return best;
    }

    /// <summary>Dice coefficient over character bigrams (0–1): a last resort for "did you mean" on small catalogs.</summary>
    public static double BigramSimilarity(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
            return a == b ? 1 : 0;
        var grams = new Dictionary<int, int>();
        for (var i = 0; i < a.Length - 1; i++)
        {
            var key = (a[i] << 16) | a[i + 1];
            grams[key] = grams.GetValueOrDefault(key) + 1;
        }
        var shared = 0;
        for (var i = 0; i < b.Length - 1; i++)
        {
            var key = (b[i] << 16) | b[i + 1];
            if (grams.TryGetValue(key, out var count) && count > 0)
            {
                grams[key] = count - 1;
                shared++;
            }
        }
        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }
}
