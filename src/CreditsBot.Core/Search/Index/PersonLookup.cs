using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Person lookup in constant-score tiers, best first: exact full name (or nickname form), all words
/// (short forms of given names count), every word or its prefix, every word within 1–2 edits.
/// Each tier is a Lucene query over analysed terms; a lower tier only runs while the higher ones
/// have not filled the page, and typo tolerance only when no word matched as written.
/// </summary>
internal static class PersonLookup
{
    /// <summary>Longer queries are not names typed with a split part: their neighbours are not joined.</summary>
    private const int MaxWordsToJoin = 4;

    public static List<PersonMatch> Find(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int limit)
    {
        var found = FindAsTyped(generation, searcher, tokens, limit);
        if (found.Count > 0 || tokens.Count < 2 || tokens.Count > MaxWordsToJoin)
            return found;
        // A name part typed as two words ("Hao zhun", "Mc Grew"): each neighbouring pair joined, best answer kept.
        return Enumerable.Range(0, tokens.Count - 1)
            .Select(i => FindAsTyped(generation, searcher, [.. tokens.Take(i), tokens[i] + tokens[i + 1], .. tokens.Skip(i + 2)], limit))
            .Where(f => f.Count > 0)
            .OrderByDescending(f => f[0].Score)
            .FirstOrDefault() ?? [];
    }

    private static List<PersonMatch> FindAsTyped(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int limit)
    {
        var data = generation.Data;
        var query = new PersonQuery(tokens, data.NameWords.Contains);
        var capacity = Math.Max(limit * 3, 30);
        var found = new HashSet<int>();
        var reader = searcher.IndexReader;

        void RunTier(Query tier)
        {
            foreach (var ordinal in QueryTerms.FirstHits(searcher, tier, capacity - found.Count, found))
                found.Add(ordinal);
        }

        RunTier(QueryTerms.Term(IndexFields.PersonExact, query.Joined));
        RunTier(QueryTerms.AllOf(tokens.Select(t => Group(reader, t, prefix: false, fuzzy: false))));
        // Typos only when no one matched every word as written.
        var literalHits = found.Count;
        if (found.Count < capacity)
            RunTier(QueryTerms.AllOf(tokens.Select(t => Group(reader, t, prefix: true, fuzzy: false, query.MinPrefix))));
        if (literalHits == 0 && found.Count < capacity)
            // Typed-as-you-go style: only the last word may also be a beginning here (the prefix tier had its turn).
            RunTier(QueryTerms.AllOf(tokens.Select((t, i) => Group(reader, t, prefix: i == tokens.Count - 1, fuzzy: true, query.MinPrefix))));

        return found
            .Select(o => PersonMatch.Evaluate(data.People[o], query))
            .OfType<PersonMatch>()
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Person.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>"Did you mean": people matching any of the words, more words first.</summary>
    public static List<string> Suggest(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int count)
    {
        var reader = searcher.IndexReader;
        var alternatives = new List<Query>();
        foreach (var token in tokens)
        {
            alternatives.Add(QueryTerms.Term(IndexFields.PersonTokens, token));
            alternatives.AddRange(GivenNameForms.OtherForms(token).Select(f => QueryTerms.Term(IndexFields.PersonTokens, f)));
            if (token.Length >= 3)
            {
                alternatives.Add(TermExpansion.Prefix(reader, IndexFields.PersonTokens, token));
                alternatives.Add(TermExpansion.Fuzzy(reader, IndexFields.PersonTokens, token, token.Length >= 6 ? 2 : 1, prefixLength: 0));
            }
        }
        return QueryTerms.Suggestions(searcher, alternatives, count * 2, count, o => generation.Data.People[o].Name, StringComparer.Ordinal);
    }

    /// <summary>Probable other spellings of the same person: shown beside the answer, never merged into it.</summary>
    public static IReadOnlyList<string> Variants(SearchGeneration generation, IndexedPerson person) =>
        generation.Variants.GetOrAdd(person.Ordinal, _ => FindVariants(generation, person));

    private const int VariantBlockScan = 2000;

    /// <summary>Compares the person with the few people sharing one of its blocking keys (short forms of the given name included).</summary>
    private static IReadOnlyList<string> FindVariants(SearchGeneration generation, IndexedPerson person)
    {
        if (person.Tokens.Length < 2)
            return [];
        var data = generation.Data;
        var firstForms = GivenNameForms.OtherForms(person.Tokens[0]);
        var keys = CreditsIndexData.VariantKeys(person.Tokens).ToList();
        foreach (var form in firstForms)
        {
            keys.Add($"w|{form}|{person.Tokens[^1]}");
            keys.Add($"f|{form}|{person.Tokens[^1][0]}");
        }

        var seen = new HashSet<int> { person.Ordinal };
        var variants = new List<(string Name, int Ordinal)>();
        foreach (var key in keys)
        {
            if (!data.VariantBlocks.TryGetValue(key, out var block))
                continue;
            foreach (var ordinal in block.Take(VariantBlockScan))
            {
                if (seen.Add(ordinal) && IsProbableVariant(person, data.People[ordinal], firstForms))
                    variants.Add((data.People[ordinal].Name, ordinal));
            }
        }
        return variants.OrderBy(v => v.Ordinal).Take(5).Select(v => v.Name).ToList();
    }

    /// <summary>
    /// Same first and last word with a middle name or nickname more or less; or the same surname and a given
    /// name within two edits (Madeline / Madelaine); or the same given name and a long surname within an edit
    /// or two (Welihinda / Weliwinda). Shawn / Shantanu Jain are too far apart to be one person.
    /// </summary>
    internal static bool IsProbableVariant(IndexedPerson person, IndexedPerson other, IReadOnlyList<string> firstForms)
    {
        if (other.Tokens.Length < 2)
            return false;
        var (first, last) = (person.Tokens[0], person.Tokens[^1]);
        var (otherFirst, otherLast) = (other.Tokens[0], other.Tokens[^1]);
        var sameFirst = first == otherFirst || firstForms.Contains(otherFirst);
        var sameLast = last == otherLast;
        if (sameFirst && sameLast)
            return true;
        if (sameLast && (IsSubset(person.Tokens, other.Tokens) || IsSubset(other.Tokens, person.Tokens)))
            return true; // Rai Pokorny / Michael (Rai) Pokorny
        if (sameLast && first[0] == otherFirst[0])
        {
            var shorter = Math.Min(first.Length, otherFirst.Length);
            var allowed = shorter >= 5 ? 2 : shorter >= 4 ? 1 : 0;
            return allowed > 0 && TextDistance.Edits(first, otherFirst, allowed) <= allowed;
        }
        if (sameFirst && last[0] == otherLast[0])
        {
            var shorter = Math.Min(last.Length, otherLast.Length);
            var allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
            return allowed > 0 && TextDistance.Edits(last, otherLast, allowed) <= allowed;
        }
        return false;
    }

    private static bool IsSubset(string[] smaller, string[] larger) =>
        smaller.Length < larger.Length && smaller.All(t => Array.IndexOf(larger, t) >= 0);

    private static Query Group(IndexReader reader, string token, bool prefix, bool fuzzy, int minPrefix = 2)
    {
        var alternatives = new List<Query> { QueryTerms.Term(IndexFields.PersonTokens, token) };
        alternatives.AddRange(GivenNameForms.OtherForms(token).Select(f => QueryTerms.Term(IndexFields.PersonTokens, f)));
        if (prefix && token.Length >= minPrefix)
            alternatives.Add(TermExpansion.Prefix(reader, IndexFields.PersonTokens, token));
        var edits = WordSimilarity.CandidateEdits(token.Length);
        if (fuzzy && edits > 0)
            alternatives.Add(TermExpansion.Fuzzy(reader, IndexFields.PersonTokens, token, edits, prefixLength: 1));
        return QueryTerms.AnyOf(alternatives);
    }
}
