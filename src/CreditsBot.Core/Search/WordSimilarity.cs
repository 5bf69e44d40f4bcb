namespace CreditsBot.Core.Search;

/// <summary>How a typed word matched a word of a name, a title or a role, best first.</summary>
public enum WordMatchKind { None = 0, Fuzzy = 1, Prefix = 2, Form = 3, Exact = 4 }

/// <summary>The result of <see cref="WordSimilarity.Score"/>: how the word matched and how much that is worth (0–1).</summary>
public readonly record struct WordMatch(WordMatchKind Kind, double Score)
{
    public static readonly WordMatch None = new(WordMatchKind.None, 0);

    public bool IsMatch => Kind != WordMatchKind.None;

    /// <summary>As written or a known short form: evidence that lets the other words carry a slip more.</summary>
    public bool IsStrong => Kind >= WordMatchKind.Form;
}

/// <summary>
/// What the rest of the query says about a typed word, which sets how far it may be from the word it is
/// matched with: the other words already agree with this candidate (more room), the word is alone (less),
/// or the typed word is itself a word of some credited name or title (a real word, so at most one slip).
/// </summary>
public readonly record struct WordEvidence(bool OtherWordsAgree, bool LoneWord, bool TypedWordIsKnown);

/// <summary>
/// The one word-against-word scoring rule of every lookup (people, autocomplete, sections, roles): as
/// written 1, a short form of a given name 0.85, a prefix 0.55–0.9, otherwise a slip whose cost (edits with
/// transpositions counting one, plus one when the first letter differs; a sound-alike spelling costs one)
/// must stay within the budget of <see cref="AllowedCost"/>.
/// </summary>
public static class WordSimilarity
{
    public const double ExactScore = 1, FormScore = 0.85;

    /// <param name="typed">The analysed query word.</param>
    /// <param name="word">The analysed word of the candidate.</param>
    /// <param name="forms">Other forms of the typed word that count almost as written (short forms of given names).</param>
    /// <param name="minPrefix">The shortest typed word that may match as a prefix; 0 for none.</param>
    /// <param name="beingTyped">The word may be unfinished: a slip is measured against the word's nearest beginning.</param>
    public static WordMatch Score(string typed, string word, IReadOnlyList<string> forms, WordEvidence evidence, int minPrefix, bool beingTyped = false)
    {
        if (typed == word)
            return new WordMatch(WordMatchKind.Exact, ExactScore);
        if (word.Length == 0 || typed.Length == 0)
            return WordMatch.None;
        for (var i = 0; i < forms.Count; i++)
        {
            if (forms[i] == word)
                return new WordMatch(WordMatchKind.Form, FormScore);
        }
        if (minPrefix > 0 && typed.Length >= minPrefix && word.StartsWith(typed, StringComparison.Ordinal))
            return new WordMatch(WordMatchKind.Prefix, 0.55 + 0.35 * typed.Length / word.Length);
        var allowed = AllowedCost(typed.Length, beingTyped ? typed.Length : word.Length, evidence, beingTyped);
        if (allowed == 0)
            return WordMatch.None;
        // The first letter is rarely wrong, unless it swapped places with the second ("Arun" typed "raun").
        var firstLetter = typed[0] == word[0] || (typed.Length > 1 && word.Length > 1 && typed[0] == word[1] && typed[1] == word[0]) ? 0 : 1;
        var edits = beingTyped ? TextDistance.PrefixEdits(typed, word, allowed) : TextDistance.Edits(typed, word, Math.Max(allowed, 3));
        var cost = edits + firstLetter;
        if (cost > allowed && !beingTyped && edits <= 3 && SoundAlike(typed, word))
            cost = 1; // "Sofie" for Sophie, "Yooan" for Yuan: heard, not mistyped
        if (cost > allowed)
            return WordMatch.None;
        return new WordMatch(WordMatchKind.Fuzzy, Math.Max(0.2, 0.5 - 0.1 * (cost - 1) - 0.15 * firstLetter));
    }

    /// <summary>
    /// The cost a typed word of this length may carry: none under 4 letters, 1 up to 5, 2 from 6; one more when
    /// the other words agree; none for a lone finished word of 4 letters or fewer ("date" is not "data"), at
    /// most 1 for any other lone word or a word that is itself a credited word; never half the longer word.
    /// </summary>
    public static int AllowedCost(int typedLength, int wordLength, WordEvidence evidence, bool beingTyped = false)
    {
        var budget = typedLength < 4 ? 0 : typedLength < 6 ? 1 : 2;
        if (evidence.OtherWordsAgree)
            budget++;
        if (evidence.LoneWord && typedLength <= 4 && !beingTyped)
            budget = 0;
        if (evidence.LoneWord || evidence.TypedWordIsKnown)
            budget = Math.Min(budget, 1);
        return Math.Min(budget, (Math.Max(typedLength, wordLength) - 1) / 2);
    }

    /// <summary>The edits Lucene looks for when it gathers candidates: wide enough for every budget <see cref="AllowedCost"/> can give.</summary>
    public static int CandidateEdits(int length) => length < 2 ? 0 : length < 5 ? 1 : 2;

    /// <summary>Whether two words give the same <see cref="SoundKey"/>, built on the stack.</summary>
    private static bool SoundAlike(string a, string b)
    {
        Span<char> first = stackalloc char[Math.Min(a.Length * 2, 128)];
        Span<char> second = stackalloc char[Math.Min(b.Length * 2, 128)];
        return first[..WriteSoundKey(a, first)].SequenceEqual(second[..WriteSoundKey(b, second)]);
    }

    /// <summary>
    /// A rough English sound key: spellings that sound alike (ph/f, ck/k/c, y/i, ee/ea/ie/ei, sch/sh, z/s, w/v,
    /// th/t, qu/kw, x/ks, doubled letters) give the same key.
    /// </summary>
    public static string SoundKey(string word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length * 2, 128)];
        return new string(buffer[..WriteSoundKey(word, buffer)]);
    }

    private static int WriteSoundKey(string word, Span<char> buffer)
    {
        var length = 0;
        for (var i = 0; i < word.Length && length < buffer.Length - 1; i++)
        {
            var c = word[i];
            var next = i + 1 < word.Length ? word[i + 1] : '\0';
            char mapped;
            switch (c)
            {
                case 'p' when next == 'h': mapped = 'f'; i++; break;
                case 't' when next == 'h': mapped = 't'; i++; break;
                case 's' when next == 'c' && i + 2 < word.Length && word[i + 2] == 'h': mapped = 'S'; i += 2; break;
                case 's' when next == 'h': mapped = 'S'; i++; break;
                case 'c' when next == 'k': mapped = 'k'; i++; break;
                case 'q' when next == 'u': buffer[length++] = 'k'; mapped = 'v'; i++; break;
                case 'x': buffer[length++] = 'k'; mapped = 's'; break;
                case 'c' or 'k': mapped = 'k'; break;
                case 'z': mapped = 's'; break;
                case 'w': mapped = 'v'; break;
                case 'y' or 'e' or 'i': mapped = 'i'; break;
                case 'o' or 'u': mapped = 'u'; break;
                default: mapped = c; break;
            }
            if (length == 0 || buffer[length - 1] != mapped)
                buffer[length++] = mapped;
        }
        return length;
    }
}
