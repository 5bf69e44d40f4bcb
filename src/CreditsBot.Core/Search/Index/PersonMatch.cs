namespace CreditsBot.Core.Search.Index;

/// <summary>
/// How well a query matches one person, computed in code on the few candidates Lucene returns, so that
/// the tier is explained and ties inside a tier are broken by the same rules everywhere.
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

    /// <summary>Scores a candidate; null when some query token matches none of the person's tokens.</summary>
    public static PersonMatch? Evaluate(IndexedPerson person, IReadOnlyList<string> tokens, string joined, bool allowPrefix = true)
    {
        var exact = Array.IndexOf(person.ExactKeys, joined) >= 0;
        var worst = MatchTier.AllWords;
        var total = 0.0;
        var covered = new bool[person.Tokens.Length];
        var inPlace = 0.0;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var best = 0.0;
            var bestTier = MatchTier.Fuzzy;
            var bestIndex = -1;
            var forms = GivenNameForms.OtherForms(token);
            for (var i = 0; i < person.SearchTokens.Length; i++)
            {
                var (tier, tokenScore) = TokenScore(token, forms, person.SearchTokens[i], allowPrefix, minPrefix: tokens.Count > 1 ? 1 : 2);
                if (tokenScore > best)
                    (best, bestTier, bestIndex) = (tokenScore, tier, i);
            }
            if (best <= 0)
            {
                if (exact)
                    continue; // "gregbrockman": one word that is the whole name
                return null;
            }
            total += best;
            if (bestTier < worst)
                worst = bestTier;
            if (bestIndex >= 0 && bestIndex < covered.Length)
                covered[bestIndex] = true;
            // "Felipe" is first a Felipe, then a middle-named Felipe; "Such" first a Such by surname.
            if (t == 0 && bestIndex == 0)
                inPlace += 0.5;
            if (t == tokens.Count - 1 && bestIndex == person.Tokens.Length - 1)
                inPlace += 0.5;
        }

        var matchTier = exact ? MatchTier.Exact : worst;
        // An exact form is complete by definition ("Rai Pokorny" is all of Michael (Rai) Pokorny's short form);
        // among exact forms the better-known person wins.
        var coverage = exact || person.Tokens.Length == 0 ? 1 : covered.Count(c => c) / (double)person.Tokens.Length;
        // One word ("Pokorny", "Jeff") names every holder equally: the better-known come first.
        if (tokens.Count == 1 && !exact)
            coverage = 1;
        if (exact)
            inPlace = 1;
        var score = TierBase(matchTier) + 10 * total / tokens.Count + 3 * coverage + inPlace + 0.05 * Math.Min(person.Credits.Count, 20);
        return new PersonMatch(person, matchTier, Math.Round(score, 3));
    }

    /// <summary>One query token against one name token: literal 1, short form 0.85, prefix 0.55–0.9, one or two edits 0.4–0.5.</summary>
    public static (MatchTier Tier, double Score) TokenScore(string token, IReadOnlyList<string> forms, string nameToken, bool allowPrefix, int minPrefix = 2)
    {
        if (token == nameToken)
            return (MatchTier.AllWords, 1.0);
        foreach (var form in forms)
        {
            if (form == nameToken)
                return (MatchTier.AllWords, 0.85);
        }
        if (allowPrefix && token.Length >= minPrefix && nameToken.StartsWith(token, StringComparison.Ordinal))
            return (MatchTier.Prefix, 0.55 + 0.35 * token.Length / nameToken.Length);
        var allowed = TextDistance.AllowedEdits(token.Length);
        if (allowed > 0 && nameToken.Length > 0)
        {
            var edits = TextDistance.Edits(token, nameToken, allowed);
            if (edits <= allowed)
                // A slip on the first letter is rarer than one further in: it scores lower.
                return (MatchTier.Fuzzy, (nameToken[0] == token[0] ? 0.5 : 0.35) - 0.1 * (edits - 1));
        }
        return (MatchTier.Fuzzy, 0);
    }
}
