namespace CreditsBot.Core.Search.Index;

/// <summary>A person query after analysis: its words, their joined form, their short forms, and which are credited words.</summary>
internal sealed class PersonQuery
{
    public PersonQuery(IReadOnlyList<string> tokens, Func<string, bool> isKnownWord, bool asYouType = false)
    {
        Tokens = tokens;
        Joined = string.Join(' ', tokens);
        Forms = tokens.Select(GivenNameForms.OtherForms).ToArray();
        Known = tokens.Select(isKnownWord).ToArray();
        // An initial beside other words ("Ilya S") may begin a name; a lone word must be a real start ("Tooto").
        MinPrefix = tokens.Count > 1 ? 1 : asYouType ? 1 : 4;
        AsYouType = asYouType;
    }

    /// <summary>Autocomplete: the last word may be unfinished, so a slip in it is measured against a name word's beginning.</summary>
    public bool AsYouType { get; }

    public IReadOnlyList<string> Tokens { get; }

    public string Joined { get; }

    public IReadOnlyList<string>[] Forms { get; }

    public bool[] Known { get; }

    public int MinPrefix { get; }
}

/// <summary>
/// How well a query matches one person, computed in code on the few candidates Lucene returns: every query
/// word is scored against the person's words with <see cref="WordSimilarity"/>, each word's budget for slips
/// set by the evidence of the other words, so the tier is explained and ties are broken by one rule.
/// </summary>
internal readonly record struct PersonMatch(IndexedPerson Person, MatchTier Tier, double Score)
{
    public const double ExactBase = 100, AllWordsBase = 60, PrefixBase = 30, FuzzyBase = 10;

    public static double TierBase(MatchTier tier) => tier switch
    {
        MatchTier.Exact => ExactBase,
        MatchTier.AllWords => AllWordsBase,
        MatchTier.Prefix => PrefixBase,
        _ => FuzzyBase,
    };

    /// <summary>Scores a candidate; null when some query word is not plausibly a word of this person's name.</summary>
    public static PersonMatch? Evaluate(IndexedPerson person, PersonQuery query)
    {
        var tokens = query.Tokens;
        var exact = Array.IndexOf(person.ExactKeys, query.Joined) >= 0;
        var strong = new bool[tokens.Count];
        var strongCount = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var word in person.SearchTokens)
            {
                if (word == tokens[t] || query.Forms[t].Contains(word))
                {
                    strong[t] = true;
                    strongCount++;
                    break;
                }
            }
        }

        var worst = MatchTier.AllWords;
        var total = 0.0;
        var covered = new bool[person.Tokens.Length];
        var inPlace = 0.0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var evidence = new WordEvidence(
                OtherWordsAgree: strongCount - (strong[t] ? 1 : 0) > 0,
                LoneWord: tokens.Count == 1,
                TypedWordIsKnown: query.Known[t]);
            var best = WordMatch.None;
            var bestIndex = -1;
            for (var i = 0; i < person.SearchTokens.Length; i++)
            {
                var match = WordSimilarity.Score(tokens[t], person.SearchTokens[i], query.Forms[t], evidence, query.MinPrefix,
                    beingTyped: query.AsYouType && t == tokens.Count - 1);
                if (match.Score > best.Score)
                    (best, bestIndex) = (match, i);
            }
            if (!best.IsMatch)
            {
                if (exact)
                    continue; // "gregbrockman": one word that is the whole name
                return null;
            }
            total += best.Score;
            var tier = best.Kind switch { WordMatchKind.Fuzzy => MatchTier.Fuzzy, WordMatchKind.Prefix => MatchTier.Prefix, _ => MatchTier.AllWords };
            if (tier < worst)
                worst = tier;
            if (bestIndex < covered.Length)
                covered[bestIndex] = true;
            // "Felipe" is first a Felipe, then a middle-named Felipe; "Such" first a Such by surname.
            if (t == 0 && bestIndex == 0)
                inPlace += 0.5;
            if (t == tokens.Count - 1 && bestIndex == person.Tokens.Length - 1)
                inPlace += 0.5;
        }

        var matchTier = exact ? MatchTier.Exact : worst;
        // An exact form is complete by definition ("Rai Pokorny" is all of Michael (Rai) Pokorny's short form);
        // one word ("Pokorny", "Jeff") names every holder equally: the better-known come first.
        var coverage = exact || person.Tokens.Length == 0 || tokens.Count == 1 ? 1 : covered.Count(c => c) / (double)person.Tokens.Length;
        if (exact)
            inPlace = 1;
        var score = TierBase(matchTier) + 10 * total / tokens.Count + 3 * coverage + inPlace + 0.05 * Math.Min(person.Credits.Count, 20);
        return new PersonMatch(person, matchTier, Math.Round(score, 3));
    }
}
