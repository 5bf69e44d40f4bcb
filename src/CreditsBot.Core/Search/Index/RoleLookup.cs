using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Role lookup: free text over role strings after stop and question words are dropped ("who led long
/// context" → lead, long, context). Every remaining word must match; a role the query covers more fully
/// ranks higher ("Long context lead" before "Long context co-lead"), and a person's matching credits are grouped.
/// </summary>
internal static class RoleLookup
{
    private const int CandidateCap = 3000;

    public static List<(IndexedPerson Person, double Score, List<IndexedRole> Roles)> Find(
        SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int limit)
    {
        var found = Candidates(generation, searcher, tokens, limit, fuzzy: false, allowMissing: 0);
        if (found.Count == 0)
            found = Candidates(generation, searcher, tokens, limit, fuzzy: true, allowMissing: 0);
        // A longer question may carry a word no role has ("who led the long context kernels work"): one may miss.
        if (found.Count == 0 && tokens.Count >= 3)
            found = Candidates(generation, searcher, tokens, limit, fuzzy: true, allowMissing: 1);
        return found;
    }

    private static List<(IndexedPerson Person, double Score, List<IndexedRole> Roles)> Candidates(
        SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int limit, bool fuzzy, int allowMissing)
    {
        var data = generation.Data;
        var scores = new Dictionary<string, double>(StringComparer.Ordinal); // many credits share one role text
        var query = new BooleanQuery();
        foreach (var token in tokens)
            query.Add(Group(searcher.IndexReader, token, fuzzy), allowMissing == 0 ? Occur.MUST : Occur.SHOULD);
        if (allowMissing > 0)
            query.MinimumNumberShouldMatch = tokens.Count - allowMissing;
        return QueryTerms.FirstHits(searcher, query, CandidateCap, new HashSet<int>())
            .Select(o => data.Roles[o])
            .Select(r => (Role: r, Score: scores.TryGetValue(r.Entry.Role!, out var known) ? known : scores[r.Entry.Role!] = Score(r, tokens, allowMissing)))
            .Where(x => x.Score > 0)
            .GroupBy(x => x.Role.Person)
            .Select(g =>
            {
                var roles = g.OrderByDescending(x => x.Score).ThenBy(x => x.Role.Ordinal).ToList();
                var score = roles[0].Score + 0.3 * Math.Min(roles.Count - 1, 3);
                return (Person: g.Key, Score: Math.Round(score, 3), Roles: roles.Select(x => x.Role).ToList());
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Person.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>Role strings sharing any word with the query, best first.</summary>
    public static List<string> Suggest(SearchGeneration generation, IndexSearcher searcher, IReadOnlyList<string> tokens, int count)
    {
        var reader = searcher.IndexReader;
        var alternatives = new List<Query>();
        foreach (var token in tokens)
        {
            alternatives.Add(QueryTerms.Term(IndexFields.Role, token));
            if (token.Length >= 4)
                alternatives.Add(TermExpansion.Fuzzy(reader, IndexFields.Role, token, 2, prefixLength: 0));
        }
        return QueryTerms.Suggestions(searcher, alternatives, count * 4, count, o => generation.Data.Roles[o].Entry.Role!, StringComparer.OrdinalIgnoreCase);
    }

    private static Query Group(IndexReader reader, string token, bool fuzzy)
    {
        var edits = fuzzy && token.Length >= 5 ? 1 : 0;
        return edits == 0
            ? QueryTerms.Term(IndexFields.Role, token)
            : QueryTerms.AnyOf([QueryTerms.Term(IndexFields.Role, token), TermExpansion.Fuzzy(reader, IndexFields.Role, token, edits, prefixLength: 1)]);
    }

    internal static double Score(IndexedRole role, IReadOnlyList<string> tokens, int allowMissing = 0)
    {
        var total = 0.0;
        var missing = 0;
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var best = 0.0;
            string? which = null;
            foreach (var word in role.Tokens)
            {
                var score = word == token ? 1.0
                    : token.Length >= 5 && word.Length > 0 && word[0] == token[0] && TextDistance.Edits(token, word, 1) <= 1 ? 0.7
                    : 0;
                if (score > best)
                    (best, which) = (score, word);
            }
            if (best <= 0)
            {
                if (++missing > allowMissing)
                    return 0;
                continue;
            }
            total += best;
            covered.Add(which!);
        }
        var distinct = role.Tokens.Distinct(StringComparer.Ordinal).Count();
        return 10 * total / tokens.Count + 4 * covered.Count / (double)Math.Max(distinct, 1);
    }
}
