using CreditsBot.Core.Model;
using CreditsBot.Core.Search;

namespace CreditsBot.LoadTest;

/// <summary>
/// A dictionary-backed stand-in for the Lucene search (not on main when this benchmark was written): exact and
/// prefix name lookups over the real imported pages, so the benchmark measures the endpoint, signatures, the
/// command core and reply building rather than search quality.
/// </summary>
internal sealed class CatalogSearch : ICreditsSearch
{
    private readonly Dictionary<string, PersonHit> _people;
    private readonly IndexSummary _summary;

    public CatalogSearch(CreditsCatalog catalog)
    {
        _people = catalog.Entries()
            .GroupBy(e => e.Person, StringComparer.Ordinal)
            .ToDictionary(g => Key(g.Key), g => new PersonHit(Key(g.Key), g.Key, 1, MatchTier.Exact, g.ToList(), []), StringComparer.Ordinal);
        _summary = new IndexSummary(
            catalog.Documents.Select(d => new DocumentSummary(d.Id, d.Title, d.Url, d.Areas.Sum(a => a.Sections.Count), d.CreditCount)).ToList(),
            catalog.SectionCount, catalog.PersonCount, catalog.CreditCount, catalog.ImportedAt);
    }

    public IReadOnlyList<string> Names => _people.Values.Select(p => p.Name).ToList();

    public bool IsReady => true;

    public IndexSummary? Summary => _summary;

    public PersonResult FindPerson(string query, int limit = 10)
    {
        if (_people.TryGetValue(Key(query), out var hit))
            return new PersonResult(query, [hit], []);
        var prefix = Key(query);
        var hits = prefix.Length == 0 ? [] : _people.Values.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Take(limit).ToList();
        return new PersonResult(query, hits, []);
    }

    public PersonHit? GetPerson(string key) => _people.GetValueOrDefault(key);

    public SectionResult FindSection(string query, string? documentId = null, int limit = 10) => new(query, [], []);

    public SectionHit? GetSection(string key) => null;

    public RoleResult FindRole(string query, int limit = 10) => new(query, [], []);

    public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteKind kind, string text, string? documentId = null, int limit = 25) => [];

    private static string Key(string name) => name.Trim().ToLowerInvariant();
}
