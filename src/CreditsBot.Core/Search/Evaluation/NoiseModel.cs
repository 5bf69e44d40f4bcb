using System.Globalization;

namespace CreditsBot.Core.Search.Evaluation;

/// <summary>
/// The slips people make when they type a name, each one deterministic given the <see cref="Random"/>:
/// keyboard-neighbour substitutions, deletions, insertions, transpositions, doubled letters, sound-alike
/// rewrites, accents dropped or added, parts split or joined, surname first, filler, stray punctuation, case.
/// </summary>
public static class NoiseModel
{
    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>Spellings that sound alike in English (general knowledge): each pair is tried both ways.</summary>
    private static readonly (string, string)[] SoundAlikes =
    [
        ("ph", "f"), ("ie", "ei"), ("ee", "i"), ("ee", "ea"), ("ck", "k"), ("c", "k"), ("y", "i"), ("sch", "sh"),
        ("oo", "u"), ("ou", "u"), ("z", "s"), ("w", "v"), ("th", "t"), ("ll", "l"), ("tt", "t"), ("ss", "s"),
        ("x", "ks"), ("qu", "kw"), ("ai", "ay"), ("ei", "ey"), ("mm", "m"), ("nn", "n"), ("ch", "tch"),
    ];

    private static readonly string[] Fillers =
    [
        "who is {0}", "who's {0}", "whos {0}", "dr. {0}", "dr {0}", "mr {0}", "ms. {0}", "prof. {0}", "@{0}",
        "find {0}", "credits for {0}", "what did {0} do", "{0}?", "{0}'s credits", "show me {0}", "look up {0}",
        "@ {0}", "is {0} credited", "{0} please", "who is dr. {0}?",
    ];

    /// <summary>
    /// Request phrasing the check part alone uses, so that its class measures wording the rules were not tuned
    /// on. Written after a spot check had found "contributions of …" and "…'s role" missing; the rest unseen.
    /// </summary>
    private static readonly string[] HeldOutPhrasing =
    [
        "contributions of {0}", "{0}'s role", "what was {0}'s job", "tell me about {0}", "where is {0} credited",
        "{0} on gpt-4", "which sections list {0}", "looking for {0}", "any credits for {0}?", "{0} (openai)",
        "info on {0}", "can you find {0}", "{0} - what did they do", "{0} pls", "search {0}", "who's this {0}",
    ];

    private static readonly string[] StrayMarks = [".", ",", "-", "!", "?", "'", "\"", "(", ")", ";", ":", "*", "_"];

    private static readonly Dictionary<char, char[]> AccentsOf = new()
    {
        ['a'] = ['á', 'à', 'ä', 'å', 'ą'], ['e'] = ['é', 'è', 'ë', 'ę'], ['i'] = ['í', 'ï'], ['o'] = ['ó', 'ö', 'ø'],
        ['u'] = ['ú', 'ü'], ['n'] = ['ñ', 'ń'], ['c'] = ['ç', 'ć'], ['s'] = ['ś', 'š'], ['z'] = ['ž', 'ż'], ['l'] = ['ł'],
    };

    /// <summary>A neighbouring key on a QWERTY keyboard (same row or the row above or below).</summary>
    public static char Neighbour(char c, Random random)
    {
        var lower = char.ToLowerInvariant(c);
        var options = new List<char>();
        for (var row = 0; row < KeyboardRows.Length; row++)
        {
            var at = KeyboardRows[row].IndexOf(lower);
            if (at < 0)
                continue;
            for (var r = Math.Max(0, row - 1); r <= Math.Min(KeyboardRows.Length - 1, row + 1); r++)
            {
                for (var col = at - 1; col <= at + 1; col++)
                {
                    if (col >= 0 && col < KeyboardRows[r].Length && KeyboardRows[r][col] != lower)
                        options.Add(KeyboardRows[r][col]);
                }
            }
        }
        if (options.Count == 0)
            return c;
        var chosen = options[random.Next(options.Count)];
        return char.IsUpper(c) ? char.ToUpperInvariant(chosen) : chosen;
    }

    public enum Slip { Substitution, Deletion, Insertion, Transposition, Doubling }

    /// <summary>One slip at a letter of <paramref name="word"/> (never the first letter unless the word is all there is to change).</summary>
    public static string ApplySlip(string word, Slip slip, Random random)
    {
        if (word.Length < 2)
            return word;
        var at = 1 + random.Next(word.Length - 1);
        return slip switch
        {
            Slip.Substitution => word[..at] + Neighbour(word[at], random) + word[(at + 1)..],
            Slip.Deletion => word.Remove(at, 1),
            Slip.Insertion => word.Insert(at, Neighbour(word[at - 1], random).ToString()),
            Slip.Transposition when at < word.Length - 1 => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
            Slip.Transposition => word[..(at - 1)] + word[at] + word[at - 1],
            _ => word.Insert(at, word[at].ToString()),
        };
    }

    /// <summary>One sound-alike rewrite somewhere in the word, or null when none applies.</summary>
    public static string? SoundAlike(string word, Random random)
    {
        var lower = word.ToLowerInvariant();
        var options = new List<(int At, string From, string To)>();
        foreach (var (a, b) in SoundAlikes)
        {
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                for (var at = lower.IndexOf(from, 1, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(from, at + 1, StringComparison.Ordinal))
                    options.Add((at, from, to));
            }
        }
        if (options.Count == 0)
            return null;
        var (where, f, t) = options[random.Next(options.Count)];
        return word[..where] + t + word[(where + f.Length)..];
    }

    /// <summary>The text without its diacritics, or with one added when it has none; null when nothing changes.</summary>
    public static string? ToggleAccents(string text, Random random)
    {
        var folded = StripAccents(text);
        if (folded != text)
            return folded;
        var places = Enumerable.Range(0, text.Length).Where(i => AccentsOf.ContainsKey(char.ToLowerInvariant(text[i]))).ToList();
        if (places.Count == 0)
            return null;
        var at = places[random.Next(places.Count)];
        var options = AccentsOf[char.ToLowerInvariant(text[at])];
        var accented = options[random.Next(options.Length)];
        return text[..at] + (char.IsUpper(text[at]) ? char.ToUpperInvariant(accented) : accented) + text[(at + 1)..];
    }

    /// <summary>The text with every letter folded to ASCII (é → e, Ł → L, ß → ss), as Lucene's ASCIIFoldingFilter does.</summary>
    public static string StripAccents(string text)
    {
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    /// <summary>A word of six letters or more typed as two ("Hao zhun"), or null when there is none.</summary>
    public static string? SplitWord(string[] words, Random random)
    {
        var long_ = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 6 && words[i].All(char.IsLetter)).ToList();
        if (long_.Count == 0)
            return null;
        var w = long_[random.Next(long_.Count)];
        var at = 3 + random.Next(words[w].Length - 5);
        var copy = (string[])words.Clone();
        copy[w] = words[w][..at] + " " + words[w][at..];
        return string.Join(' ', copy);
    }

    /// <summary>Two neighbouring parts typed as one ("bob mcgrew" → "bobmcgrew", "Mc Grew" → "McGrew").</summary>
    public static string? JoinWords(string[] words, Random random)
    {
        if (words.Length < 2)
            return null;
        var at = random.Next(words.Length - 1);
        var joined = words.Take(at).Append(words[at] + words[at + 1]).Concat(words.Skip(at + 2));
        return string.Join(' ', joined);
    }

    public static string? SurnameFirst(string[] words, Random random)
    {
        if (words.Length < 2)
            return null;
        var rest = string.Join(' ', words[..^1]);
        return random.Next(2) == 0 ? $"{words[^1]} {rest}" : $"{words[^1]}, {rest}";
    }

    public static string WithFiller(string text, Random random) =>
        string.Format(CultureInfo.InvariantCulture, Fillers[random.Next(Fillers.Length)], text);

    /// <summary>The name in one of the <see cref="HeldOutPhrasing"/> requests (check part only).</summary>
    public static string WithHeldOutPhrasing(string text, Random random) =>
        string.Format(CultureInfo.InvariantCulture, HeldOutPhrasing[random.Next(HeldOutPhrasing.Length)], text);

    /// <summary>A stray mark between, before or after the words, or quotes around them.</summary>
    public static string WithStrayPunctuation(string text, Random random)
    {
        var mark = StrayMarks[random.Next(StrayMarks.Length)];
        var spaces = Enumerable.Range(0, text.Length).Where(i => text[i] == ' ').ToList();
        return random.Next(4) switch
        {
            0 => mark + text,
            1 => text + mark,
            2 when spaces.Count > 0 => text.Insert(spaces[random.Next(spaces.Count)], mark),
            _ => $"\"{text}\"",
        };
    }

    /// <summary>Lower case, upper case, or as typed with a careless shift.</summary>
    public static string RandomCase(string text, Random random) => random.Next(4) switch
    {
        0 => text.ToLowerInvariant(),
        1 => text.ToUpperInvariant(),
        2 => new string(text.Select((c, i) => i % 3 == 0 ? char.ToLowerInvariant(c) : c).ToArray()),
        _ => text,
    };
}
