using CreditsBot.Core.Model;
using CreditsBot.Core.Search;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>
/// A plain in-memory <see cref="ICreditsSearch"/> over a catalog (case-insensitive exact, then substring matches),
/// standing in for the Lucene search so the command core can be tested on its own.
/// </summary>
public sealed class FakeCreditsSearch(CreditsCatalog catalog) : ICreditsSearch
{
    public bool Ready { get; set; } = true;
    public Exception? ThrowOnLookup { get; set; }
    public TimeSpan LookupDelay { get; set; }

    /// <summary>When set, every lookup blocks until it is set (at most 5 s): a deterministic "slow" search.</summary>
    public ManualResetEventSlim? Gate { get; set; }
    public List<string> Queries { get; } = [];

    public bool IsReady => Ready;

    public IndexSummary? Summary => !Ready ? null : new IndexSummary(
        catalog.Documents.Select(d => new DocumentSummary(d.Id, d.Title, d.Url, d.Areas.Sum(a => a.Sections.Count), d.CreditCount)).ToList(),
        catalog.SectionCount, catalog.PersonCount, catalog.CreditCount, catalog.ImportedAt);

    /// <summary>Like the engine's keys: the name folded to lower case, so that the start of a key is also a query.</summary>
    public static string PersonKey(string name) => name.ToLowerInvariant();

    public PersonResult FindPerson(string query, int limit = 10)
    {
        Lookup(query);
        var q = query.Trim();
        var hits = People()
            .Select(g => (Group: g, Tier: string.Equals(g.Key, q, StringComparison.OrdinalIgnoreCase) ? MatchTier.Exact
                : q.Length > 0 && g.Key.Contains(q, StringComparison.OrdinalIgnoreCase) ? MatchTier.Prefix : (MatchTier?)null))
            .Where(x => x.Tier is not null)
            .OrderByDescending(x => x.Tier).ThenBy(x => x.Group.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => Hit(x.Group, x.Tier!.Value))
            .ToList();
        var didYouMean = hits.Count > 0 || q.Length == 0 ? [] : People()
            .Where(g => char.ToLowerInvariant(g.Key[0]) == char.ToLowerInvariant(q[0])).Select(g => g.Key).Take(3).ToList();
        return new PersonResult(query, hits, didYouMean);
    }

    public PersonHit? GetPerson(string key)
    {
        Lookup(key);
        var group = People().FirstOrDefault(g => PersonKey(g.Key) == key);
        return group is null ? null : Hit(group, MatchTier.Exact);
    }

    public SectionResult FindSection(string query, string? documentId = null, int limit = 10)
    {
        Lookup(query);
        var hits = Sections()
            .Where(s => documentId is null || s.Document.Id == documentId)
            .Where(s => query.Trim().Length > 0 && s.Section.Title.Contains(query.Trim(), StringComparison.OrdinalIgnoreCase))
            .Take(limit).ToList();
        var didYouMean = hits.Count > 0 || query.Trim().Length == 0 ? [] : Sections()
            .Where(s => char.ToLowerInvariant(s.Section.Title[0]) == char.ToLowerInvariant(query.Trim()[0])).Select(s => s.Section.Title).Take(3).ToList();
        return new SectionResult(query, hits, didYouMean);
    }

    public SectionHit? GetSection(string key)
    {
        Lookup(key);
        return Sections().FirstOrDefault(s => s.Key == key);
    }

    public RoleResult FindRole(string query, int limit = 10)
    {
        Lookup(query);
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = catalog.Entries()
            .Where(e => words.Length > 0 && e.Role is not null && words.All(w => e.Role.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(e => e.Person)
            .Take(limit)
            .Select(g => new RoleHit(g.Key, 1, g.ToList()))
            .ToList();
        return new RoleResult(query, hits, hits.Count > 0 ? [] : ["lead"]);
    }

    public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteKind kind, string text, string? documentId = null, int limit = 25)
    {
        Lookup(text);
        return kind == AutocompleteKind.Person
            ? People().Where(g => g.Key.Contains(text, StringComparison.OrdinalIgnoreCase)).Take(limit).Select(g => new AutocompleteChoice(g.Key, PersonKey(g.Key))).ToList()
            : Sections().Where(s => (documentId is null || s.Document.Id == documentId) && s.Section.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
                .Take(limit).Select(s => new AutocompleteChoice(s.DisplayName, s.Key)).ToList();
    }

    private void Lookup(string text)
    {
        lock (Queries)
            Queries.Add(text);
        Gate?.Wait(TimeSpan.FromSeconds(5));
        if (LookupDelay > TimeSpan.Zero)
            Thread.Sleep(LookupDelay);
        if (ThrowOnLookup is not null)
            throw ThrowOnLookup;
    }

    private IEnumerable<IGrouping<string, CreditEntry>> People() => catalog.Entries().GroupBy(e => e.Person, StringComparer.Ordinal);

    private IEnumerable<SectionHit> Sections() => catalog.Documents.SelectMany(d => d.Areas.SelectMany(a => a.Sections.Select(s =>
        new SectionHit($"section:{d.Id}/{a.Title}/{s.Title}".ToLowerInvariant(), $"{s.Title} ({a.Title}, {d.Title})", 1, d, a, s))));

    private PersonHit Hit(IGrouping<string, CreditEntry> group, MatchTier tier)
    {
        var also = People().Select(g => g.Key)
            .Where(n => n != group.Key && (n.StartsWith(group.Key, StringComparison.Ordinal) || group.Key.StartsWith(n, StringComparison.Ordinal)))
            .ToList();
        return new PersonHit(PersonKey(group.Key), group.Key, 1, tier, group.ToList(), also);
    }
}
