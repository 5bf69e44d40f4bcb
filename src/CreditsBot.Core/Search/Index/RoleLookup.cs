using CreditsBot.Core.Model;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Role lookup: free text over role texts after stop and question words are dropped ("who led long context"
/// → lead, long, context), a document named in the question taken as a filter ("… on gpt-4v"). Every
/// required word must match (a question of three words or more may miss one); a role the query covers more
/// fully ranks higher ("Long context lead" before "Long context co-lead"), and a person's matching credits
/// are grouped. Each distinct role text is one Lucene document, so every candidate is scored, none cut.
/// </summary>
internal static class RoleLookup
{
    /// <summary>A person's other matching credits add 0.3 each (up to 3) when their role scores within this of the best one.</summary>
    private const double ExtraCreditWindow = 1;

    public static List<(IndexedPerson Person, double Score, List<CreditEntry> Roles)> Find(
        SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, int limit)
    {
        if (query.Required == 0)
            return [];
        var common = query.CommonWords(searcher.IndexReader, IndexFields.RoleTerms, generation.Data.Roles.Length);
        query = query.WithoutRequestWords(searcher.IndexReader, IndexFields.RoleTerms, common);
        var found = Candidates(generation, searcher, query, common, limit, fuzzy: false, allowMissing: false);
        if (found.Count == 0)
            found = Candidates(generation, searcher, query, common, limit, fuzzy: true, allowMissing: false);
        // A longer question may carry a word no role has ("who led the long context kernels work"): one may miss.
        if (found.Count == 0 && query.Required >= 3)
            found = Candidates(generation, searcher, query, common, limit, fuzzy: true, allowMissing: true);
        return found;
    }

    private static List<(IndexedPerson Person, double Score, List<CreditEntry> Roles)> Candidates(
        SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, bool[] common, int limit, bool fuzzy, bool allowMissing)
    {
        var data = generation.Data;
        var lucene = query.Candidates(searcher.IndexReader, IndexFields.RoleTerms, IndexFields.RoleWords, IndexFields.RoleDocumentId, fuzzy, allowMissing);
        var roles = QueryTerms.FirstHits(searcher, lucene, data.Roles.Length, new HashSet<int>())
            .Select(o => (Role: data.Roles[o], Score: Score(data.Roles[o], query, common, allowMissing ? 1 : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Role.Ordinal)
            .ToList();
        return People(data, roles, query.DocumentId, limit);
    }

    /// <summary>
    /// The best <paramref name="limit"/> people, walking role texts best first. A person's score is their best role
    /// plus 0.3 for each other matching credit within <see cref="ExtraCreditWindow"/> of it (up to 3), so once a
    /// role scores more than two points under the best role of the page's last person, nothing later can change
    /// the page: the walk stops there. Holders are tallied in arrays indexed by person ordinal (a common role word
    /// has tens of thousands of holders at a million credits); only the page's people get their credits listed.
    /// </summary>
    private static List<(IndexedPerson Person, double Score, List<CreditEntry> Roles)> People(
        CreditsIndexData data, List<(IndexedRole Role, double Score)> roles, string? documentId, int limit)
    {
        var holders = 0L;
        foreach (var (role, _) in roles)
            holders += role.Holders.Length;
        using var tally = new HolderTally(data.People.Length, (int)Math.Min(holders, data.People.Length));
        var walked = 0;
        var lastOnPage = double.NegativeInfinity; // no full page yet: nothing to stop at
        for (; walked < roles.Count && roles[walked].Score >= lastOnPage - 2 * ExtraCreditWindow; walked++)
        {
            var (role, score) = roles[walked];
            foreach (var person in role.HoldersIn(documentId))
            {
                if (tally.Add(person, score, ExtraCreditWindow) == limit)
                    lastOnPage = score;
            }
        }
        var walkedScores = new Dictionary<int, double>(walked);
        foreach (var (role, score) in roles.Take(walked))
            walkedScores[role.Ordinal] = score;
        return tally.Best(limit, o => data.People[o])
            .Select(p => (p.Person, p.Score, CreditsOf(data.RoleCredits[p.Person.Ordinal], walkedScores, documentId)))
            .ToList();
    }

    /// <summary>A person's credits among the walked role texts, best role first, then in page order.</summary>
    private static List<CreditEntry> CreditsOf(RoleCredit[] roleCredits, Dictionary<int, double> walkedScores, string? documentId)
    {
        var credits = new List<(CreditEntry Entry, double Score)>();
        foreach (var (role, credit) in roleCredits)
        {
            if (walkedScores.TryGetValue(role, out var score)
                && (documentId is null || string.Equals(credit.Document.Id, documentId, StringComparison.OrdinalIgnoreCase)))
                credits.Add((credit, score));
        }
        // A stable sort: equal scores keep catalog order (document, then place in it), as the person's credits come.
        return credits.OrderByDescending(c => c.Score).Select(c => c.Entry).ToList();
    }

    /// <summary>Role texts sharing any word with the query, best first.</summary>
    public static List<string> Suggest(SearchGeneration generation, IndexSearcher searcher, DescriptiveQuery query, int count)
    {
        var reader = searcher.IndexReader;
        var alternatives = query.Words
            .Select(w => DescriptiveQuery.Clause(reader, w, IndexFields.RoleTerms, IndexFields.RoleWords, fuzzy: w.Folded.Length >= 4))
            .ToList();
        return QueryTerms.Suggestions(searcher, alternatives, count * 2, count, o => generation.Data.Roles[o].Text, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Role text words weigh 1; a role the query covers more fully ranks higher.</summary>
    internal static double Score(IndexedRole role, DescriptiveQuery query, bool[] common, int allowMissing = 0) =>
        query.Score([new DescribedField(role.Tokens, role.Words, Weight: 1, Covers: true)], role.DistinctTokenCount, coverageWeight: 4, allowMissing, common);
}
