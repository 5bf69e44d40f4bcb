using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search;

/// <summary>
/// Every lookup the commands need. Implementations never throw on user text: hostile or empty
/// queries give empty results. Before the first index is built, <see cref="IsReady"/> is false and
/// every lookup returns an empty result.
/// </summary>
public interface ICreditsSearch
{
    bool IsReady { get; }

    /// <summary>What is indexed now, or null before the first index is ready.</summary>
    IndexSummary? Summary { get; }

    /// <summary>Each credits page of the latest import: indexed, or rejected with its reason.</summary>
    IReadOnlyList<Indexing.PageStatus> Pages => [];

    PersonResult FindPerson(string query, int limit = 10);

    /// <summary>
    /// Whether <paramref name="word"/> is a word of some credited name. By default the person lookup is asked (the
    /// best hit for a name word has that word); the engine reads it from its index instead, far cheaper.
    /// </summary>
    bool IsNameWord(string word) => MentionFinder.IsWordOf(FindPerson(word, limit: 1).Hits.FirstOrDefault(), word);

    /// <summary>The person whose <see cref="PersonHit.Key"/> this is (from autocomplete or a button), or null.</summary>
    PersonHit? GetPerson(string key);

    SectionResult FindSection(string query, string? documentId = null, int limit = 10);

    /// <summary>The section whose <see cref="SectionHit.Key"/> this is, or null.</summary>
    SectionHit? GetSection(string key);

    RoleResult FindRole(string query, int limit = 10);

    /// <summary>
    /// Every credited person named in free text (a message), in the order they are named, each once: a full
    /// name as <see cref="FindPerson"/> would resolve it; single words and ordinary words never count.
    /// </summary>
    IReadOnlyList<PersonMention> FindMentions(string text, int limit = 25) => MentionFinder.Find(this, text, limit);

    /// <summary>At most <paramref name="limit"/> (≤ 25) choices, each name and value 1–100 characters.</summary>
    IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteKind kind, string text, string? documentId = null, int limit = 25);
}

/// <summary>What the index holds: for <c>/credits about</c> and <c>/healthz</c>.</summary>
public sealed record IndexSummary(
    IReadOnlyList<DocumentSummary> Documents,
    int Sections,
    int People,
    int Credits,
    DateTimeOffset IndexedAt);

public sealed record DocumentSummary(string Id, string Title, string? Url, int Sections, int Credits);

/// <summary>Score tiers, best first; a hit's tier is the best way it matched.</summary>
public enum MatchTier { Fuzzy = 1, Prefix = 2, AllWords = 3, Exact = 4 }

/// <summary>One person: every credit across all documents, and probable other spellings, never merged.</summary>
public sealed record PersonHit(
    string Key,
    string Name,
    double Score,
    MatchTier Tier,
    IReadOnlyList<CreditEntry> Credits,
    IReadOnlyList<string> AlsoCreditedAs);

public sealed record PersonResult(string Query, IReadOnlyList<PersonHit> Hits, IReadOnlyList<string> DidYouMean);

/// <summary>One section with its area and document; its members are <c>Section.Credits</c>, in page order.</summary>
public sealed record SectionHit(
    string Key,
    string DisplayName,
    double Score,
    CreditsDocument Document,
    CreditArea Area,
    CreditSection Section);

public sealed record SectionResult(string Query, IReadOnlyList<SectionHit> Hits, IReadOnlyList<string> DidYouMean);

/// <summary>One person whose roles matched, with the matching credits.</summary>
public sealed record RoleHit(string Person, double Score, IReadOnlyList<CreditEntry> Credits);

public sealed record RoleResult(string Query, IReadOnlyList<RoleHit> Hits, IReadOnlyList<string> DidYouMean);

public enum AutocompleteKind { Person, Section }

/// <summary>An autocomplete choice: what the user sees, and the value the command receives.</summary>
public sealed record AutocompleteChoice(string Name, string Value);
