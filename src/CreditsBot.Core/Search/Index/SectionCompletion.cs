using System.Numerics;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Section choices for text still being typed: every typed word must match a word of the section's title (×3),
/// area (×2) or document (×1.5), the last one as a beginning, each with the slips <see cref="WordSimilarity"/>
/// allows; a title that starts with the text adds 2. Each distinct title, area and document is scored once per
/// query into a table (<see cref="SectionWordArrays"/>), so a section costs a few array reads; the same tables
/// give the candidates (the sections filed under the arrays a word matches) and the best score any section
/// could reach, where the walk in page order stops.
/// </summary>
internal sealed class SectionCompletion
{
    private const double TitleWeight = 3, AreaWeight = 2, DocumentWeight = 1.5, TitleStartBonus = 2;

    private readonly IReadOnlyList<string> tokens;
    private readonly string joined;
    private readonly bool[] known;
    private readonly SectionWordArrays arrays;

    /// <summary>[kind][token, 0 alone / 1 with the other words agreeing][array id]: the best match, NaN until computed.</summary>
    private readonly double[][][] matches;

    /// <summary>[kind][token][array id]: 1 when the array holds the token as typed, 0 when not, -1 until computed.</summary>
    private readonly sbyte[][][] literal;

    private readonly sbyte[] titleStarts;

    /// <summary>[token, 0 alone / 1 with the other words agreeing][vocabulary id]: one typed word against one word, NaN until computed.</summary>
    private readonly double[][] wordScores;

    public SectionCompletion(IReadOnlyList<string> tokens, HashSet<string> knownWords, SectionWordArrays arrays)
    {
        this.tokens = tokens;
        this.arrays = arrays;
        joined = string.Join(' ', tokens);
        known = tokens.Select(knownWords.Contains).ToArray();
        List<string[]>[] kinds = [arrays.Titles, arrays.Areas, arrays.Documents];
        matches = kinds.Select(k => Enumerable.Range(0, tokens.Count * 2).Select(_ => Filled(k.Count, double.NaN)).ToArray()).ToArray();
        literal = kinds.Select(k => Enumerable.Range(0, tokens.Count).Select(_ => Filled(k.Count, (sbyte)-1)).ToArray()).ToArray();
        titleStarts = Filled(arrays.Titles.Count, (sbyte)-1);
        wordScores = Enumerable.Range(0, tokens.Count * 2).Select(_ => Filled(arrays.Vocabulary.Count, double.NaN)).ToArray();
    }

    private const int Title = 0, Area = 1, Document = 2;

    /// <summary>0 when a typed word matches nothing in the section.</summary>
    public double Score(IndexedSection section)
    {
        var ids = section.WordIds;
        Span<bool> strong = stackalloc bool[tokens.Count];
        var strongCount = 0;
        for (var i = 0; i < tokens.Count && tokens.Count > 1; i++)
        {
            strong[i] = Literal(Title, i, ids.Title) || Literal(Area, i, ids.Area) || Literal(Document, i, ids.Document);
            strongCount += strong[i] ? 1 : 0;
        }
        var total = 0.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var agree = strongCount - (strong[i] ? 1 : 0) > 0;
            var best = Math.Max(Weight(Title) * Match(Title, i, agree, ids.Title),
                Math.Max(Weight(Area) * Match(Area, i, agree, ids.Area), Weight(Document) * Match(Document, i, agree, ids.Document)));
            if (best <= 0)
                return 0;
            total += best;
        }
        return total / tokens.Count + (TitleStarts(ids.Title) ? TitleStartBonus : 0);
    }

    /// <summary>
    /// No section scores more: each word's best match in any title, area or document (with the most room for
    /// slips it could have: another word agreeing, when there is another word), plus the title bonus when some
    /// title starts with the text.
    /// </summary>
    public double UpperBound()
    {
        var agree = tokens.Count > 1;
        var total = 0.0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var best = 0.0;
            for (var kind = Title; kind <= Document; kind++)
            {
                for (var id = 0; id < CountOf(kind); id++)
                    best = Math.Max(best, Weight(kind) * Match(kind, i, agree, id));
            }
            total += best;
        }
        var anyTitleStarts = false;
        for (var id = 0; id < arrays.Titles.Count && !anyTitleStarts; id++)
            anyTitleStarts = TitleStarts(id);
        return total / tokens.Count + (anyTitleStarts ? TitleStartBonus : 0);
    }

    /// <summary>
    /// The sections worth scoring, in page order: those with a title, area or document that the typed word with
    /// the fewest such sections can match; every section when that is more than a quarter of them.
    /// </summary>
    public IEnumerable<int> Candidates(int sectionCount)
    {
        var agree = tokens.Count > 1;
        List<List<int>>? fewest = null;
        var fewestCount = long.MaxValue;
        for (var i = 0; i < tokens.Count; i++)
        {
            var lists = new List<List<int>>();
            long count = 0;
            for (var kind = Title; kind <= Document; kind++)
            {
                for (var id = 0; id < CountOf(kind); id++)
                {
                    if (Match(kind, i, agree, id) > 0)
                    {
                        lists.Add(arrays.SectionsOf(kind, id));
                        count += lists[^1].Count;
                    }
                }
            }
            if (count < fewestCount)
                (fewest, fewestCount) = (lists, count);
        }
        if (fewest is null || fewestCount > sectionCount / 4)
            return Enumerable.Range(0, sectionCount);
        return InPageOrder(fewest, sectionCount);
    }

    /// <summary>The ordinals of several lists once each, ascending, through a bit set: no sort, and nothing read past where the walk stops.</summary>
    private static IEnumerable<int> InPageOrder(List<List<int>> lists, int sectionCount)
    {
        var bits = new ulong[(sectionCount + 63) / 64];
        foreach (var list in lists)
        {
            foreach (var ordinal in list)
                bits[ordinal >> 6] |= 1UL << (ordinal & 63);
        }
        for (var at = 0; at < bits.Length; at++)
        {
            for (var word = bits[at]; word != 0; word &= word - 1)
                yield return (at << 6) + BitOperations.TrailingZeroCount(word);
        }
    }

    private int CountOf(int kind) => kind switch { Title => arrays.Titles.Count, Area => arrays.Areas.Count, _ => arrays.Documents.Count };

    private static double Weight(int kind) => kind switch { Title => TitleWeight, Area => AreaWeight, _ => DocumentWeight };

    private double Match(int kind, int token, bool agree, int id)
    {
        ref var best = ref matches[kind][token * 2 + (agree ? 1 : 0)][id];
        if (double.IsNaN(best))
        {
            best = 0;
            foreach (var word in arrays.WordIdsOf(kind, id))
                best = Math.Max(best, WordScore(token, agree, word));
        }
        return best;
    }

    /// <summary>One typed word against one word with the <see cref="WordSimilarity"/> rule; the last typed word may be unfinished.</summary>
    private double WordScore(int token, bool agree, int word)
    {
        ref var score = ref wordScores[token * 2 + (agree ? 1 : 0)][word];
        if (double.IsNaN(score))
        {
            var beingTyped = token == tokens.Count - 1;
            var evidence = new WordEvidence(agree, LoneWord: tokens.Count == 1, TypedWordIsKnown: known[token]);
            score = WordSimilarity.Score(tokens[token], arrays.Vocabulary[word], [], evidence, minPrefix: beingTyped ? 1 : 0, beingTyped).Score;
        }
        return score;
    }

    private bool Literal(int kind, int token, int id)
    {
        ref var found = ref literal[kind][token][id];
        if (found < 0)
            found = (sbyte)(Array.IndexOf(WordsOf(kind, id), tokens[token]) >= 0 ? 1 : 0);
        return found == 1;
    }

    private bool TitleStarts(int id)
    {
        ref var starts = ref titleStarts[id];
        if (starts < 0)
            starts = (sbyte)(arrays.TitleTexts[id].StartsWith(joined, StringComparison.Ordinal) ? 1 : 0);
        return starts == 1;
    }

    private string[] WordsOf(int kind, int id) => kind switch
    {
        Title => arrays.Titles[id],
        Area => arrays.Areas[id],
        _ => arrays.Documents[id],
    };

    private static T[] Filled<T>(int length, T value)
    {
        var array = new T[length];
        Array.Fill(array, value);
        return array;
    }
}
