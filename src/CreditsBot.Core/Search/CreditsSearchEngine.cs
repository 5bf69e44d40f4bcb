using CreditsBot.Core.Model;
using CreditsBot.Core.Search.Analysis;
using CreditsBot.Core.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CreditsBot.Core.Search;

/// <summary>
/// The Lucene.Net implementation of <see cref="ICreditsSearch"/>. <see cref="Publish"/> builds an index
/// from a catalog (in memory, or in a folder where an index of the same inputs is reopened instead of
/// rebuilt) and swaps it in atomically; lookups running during a swap finish on the generation they
/// started with. Lookups never throw: any failure is logged and answered with an empty result.
/// </summary>
public sealed partial class CreditsSearchEngine : ICreditsSearch, IDisposable
{
    /// <summary>Only this much of a query is read; longer input is cut, never an error.</summary>
    public const int MaxQueryLength = 200;

    private const int MaxPersonTokens = 6;
    private const int MaxTextTokens = 8;
    private const int SuggestionCount = 5;
    /// <summary>The last-resort "did you mean" by letter pairs only runs on catalogs this small.</summary>
    private const int SimilarityScanLimit = 2_000;

    private readonly SearchAnalyzers analyzers = new();
    private readonly ILogger logger;
    private SearchGeneration? current;

    public CreditsSearchEngine(ILogger<CreditsSearchEngine>? logger = null)
    {
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public bool IsReady => Volatile.Read(ref current) is not null;

    public IndexSummary? Summary => Volatile.Read(ref current)?.Data.Summary;

    /// <summary>The fingerprint of the inputs of the index now serving, or null before the first.</summary>
    public string? Fingerprint => Volatile.Read(ref current)?.Fingerprint;

    /// <summary>
    /// Builds the index of <paramref name="catalog"/> and makes it the one that answers. With an
    /// <paramref name="indexFolder"/>, an index there whose commit carries the same fingerprint is
    /// reopened as it is; otherwise the folder is rewritten.
    /// </summary>
    /// <returns>True when an existing on-disk index was reopened rather than built.</returns>
    public bool Publish(CreditsCatalog catalog, string fingerprint, string? indexFolder = null)
    {
        var data = CreditsIndexData.Build(catalog, analyzers);
        LuceneDirectory directory;
        var reopened = false;
        if (string.IsNullOrWhiteSpace(indexFolder))
        {
            directory = new RAMDirectory();
            CreditsIndexWriter.Write(directory, data, analyzers, fingerprint);
        }
        else
        {
            System.IO.Directory.CreateDirectory(indexFolder);
            directory = FSDirectory.Open(indexFolder);
            reopened = StoredFingerprint(directory) == fingerprint;
            if (!reopened)
                CreditsIndexWriter.Write(directory, data, analyzers, fingerprint);
        }

        SearchGeneration generation;
        try
        {
            generation = new SearchGeneration(data, directory, ownsDirectory: true, fingerprint, reopened);
            generation.Connections = Connections.ConnectionGraph.Build(generation);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
        Interlocked.Exchange(ref current, generation)?.Dispose();
        return reopened;
    }

    /// <summary>The fingerprint stored in the latest commit of an on-disk index, or null when there is none.</summary>
    public static string? StoredFingerprint(string indexFolder)
    {
        if (!System.IO.Directory.Exists(indexFolder))
            return null;
        using var directory = FSDirectory.Open(indexFolder);
        return StoredFingerprint(directory);
    }

    private static string? StoredFingerprint(LuceneDirectory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                return null;
            var commits = DirectoryReader.ListCommits(directory);
            return commits.Count == 0 ? null : commits[^1].UserData.TryGetValue(IndexFields.FingerprintKey, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null; // a damaged folder is rebuilt
        }
    }

    public PersonResult FindPerson(string query, int limit = 10)
    {
        var text = Clip(query);
        var empty = new PersonResult(text, [], []);
        return Run(empty, (generation, searcher) =>
        {
            var tokens = WithoutTitles(AnalyzedText.Terms(analyzers.Person, text, MaxPersonTokens + 2).Distinct().ToList());
            if (tokens.Count == 0)
                return empty;
            var matches = PersonLookup.Find(generation, searcher, tokens, Math.Clamp(limit, 1, 50));
            if (matches.Count == 0)
            {
                var suggestions = PersonLookup.Suggest(generation, searcher, tokens, SuggestionCount);
                if (suggestions.Count == 0)
                    suggestions = Nearest(generation.Data.People.Length > SimilarityScanLimit ? [] : generation.Data.People.Select(p => (p.Key, p.Name)).ToList(), string.Join(' ', tokens));
                return new PersonResult(text, [], suggestions);
            }
            var hits = matches
                .Select(m => ToHit(generation, searcher, m.Person, m.Score, m.Tier))
                .ToList();
            return new PersonResult(text, hits, []);
        });
    }

    public PersonHit? GetPerson(string key) => Run<PersonHit?>(null, (generation, searcher) =>
        key is not null && generation.Data.PeopleByKey.TryGetValue(key, out var person)
            ? ToHit(generation, searcher, person, PersonMatch.ExactBase, MatchTier.Exact)
            : null);

    public SectionResult FindSection(string query, string? documentId = null, int limit = 10)
    {
        var text = Clip(query);
        var empty = new SectionResult(text, [], []);
        return Run(empty, (generation, searcher) =>
        {
            var tokens = AnalyzedText.Terms(analyzers.Section, text, MaxTextTokens).Distinct().ToList();
            if (tokens.Count == 0)
                return empty;
            var found = SectionLookup.Find(generation, searcher, tokens, documentId, Math.Clamp(limit, 1, 50));
            if (found.Count == 0)
            {
                var suggestions = SectionLookup.Suggest(generation, searcher, tokens, SuggestionCount);
                if (suggestions.Count == 0)
                {
                    suggestions = Nearest(
                        generation.Data.Sections.Length > SimilarityScanLimit ? [] : generation.Data.Sections.Select(s => (string.Join(' ', s.TitleWords.Concat(s.AreaWords)), s.DisplayName)).ToList(),
                        string.Join(' ', AnalyzedText.Terms(analyzers.Person, text, MaxTextTokens)));
                }
                return new SectionResult(text, [], suggestions);
            }
            return new SectionResult(text, found.Select(f => ToHit(f.Section, f.Score)).ToList(), []);
        });
    }

    public SectionHit? GetSection(string key) => Run<SectionHit?>(null, (generation, _) =>
        key is not null && generation.Data.SectionsByKey.TryGetValue(key, out var section) ? ToHit(section, 100) : null);

    public RoleResult FindRole(string query, int limit = 10)
    {
        var text = Clip(query);
        var empty = new RoleResult(text, [], []);
        return Run(empty, (generation, searcher) =>
        {
            var tokens = AnalyzedText.Terms(analyzers.Role, text, MaxTextTokens).Distinct().ToList();
            if (tokens.Count == 0)
                return empty;
            var found = RoleLookup.Find(generation, searcher, tokens, Math.Clamp(limit, 1, 50));
            if (found.Count == 0)
                return new RoleResult(text, [], RoleLookup.Suggest(generation, searcher, tokens, SuggestionCount));
            var hits = found
                .Select(f => new RoleHit(f.Person.Name, f.Score, f.Roles.Select(r => r.Entry).ToList()))
                .ToList();
            return new RoleResult(text, hits, []);
        });
    }

    public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteKind kind, string text, string? documentId = null, int limit = 25)
    {
        var clipped = Clip(text);
        var count = Math.Clamp(limit, 1, 25);
        return Run<IReadOnlyList<AutocompleteChoice>>([], (generation, searcher) =>
        {
            if (kind == AutocompleteKind.Section)
            {
                var words = AnalyzedText.Terms(analyzers.Person, clipped, MaxTextTokens);
                return AutocompleteLookup.Sections(generation, words, documentId, count)
                    .Select(s => new AutocompleteChoice(ChoiceText(s.DisplayName), s.Key))
                    .ToList();
            }
            var tokens = AnalyzedText.Terms(analyzers.Person, clipped, MaxPersonTokens);
            return AutocompleteLookup.People(generation, searcher, tokens, count)
                .Select(p => new AutocompleteChoice(ChoiceText(p.Name), p.Key))
                .ToList();
        });
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref current, null)?.Dispose();
        analyzers.Dispose();
    }

    private T Run<T>(T empty, Func<SearchGeneration, IndexSearcher, T> lookup)
    {
        SearchGeneration? generation;
        do
        {
            generation = Volatile.Read(ref current);
            if (generation is null)
                return empty;
        }
        while (!generation.TryAcquire());

        try
        {
            var searcher = generation.Searchers.Acquire();
            try
            {
                return lookup(generation, searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The query text is user input: log the failure, not the text.
            logger.LogWarning(exception, "A lookup failed and was answered with an empty result");
            return empty;
        }
        finally
        {
            generation.Release();
        }
    }

    private PersonHit ToHit(SearchGeneration generation, IndexSearcher searcher, IndexedPerson person, double score, MatchTier tier) =>
        new(person.Key, person.Name, score, tier, person.Credits, PersonLookup.Variants(generation, person));

    private static SectionHit ToHit(IndexedSection section, double score) =>
        new(section.Key, section.DisplayName, score, section.Document, section.Area, section.Section);

    private static List<string> Nearest(IReadOnlyCollection<(string Folded, string Display)> candidates, string folded)
    {
        if (folded.Length == 0 || candidates.Count > SimilarityScanLimit)
            return [];
        return candidates
            .Select(c => (c.Display, Score: TextDistance.BigramSimilarity(folded, c.Folded)))
            .Where(c => c.Score >= 0.25)
            .OrderByDescending(c => c.Score)
            .Select(c => c.Display)
            .Distinct(StringComparer.Ordinal)
            .Take(3)
            .ToList();
    }

    /// <summary>Forms of address are not part of a credited name ("Dr. Ilya Sutskever"), unless they are all there is.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame" };

    private static List<string> WithoutTitles(List<string> tokens)
    {
        var kept = tokens.Where(t => !Titles.Contains(t)).ToList();
        return (kept.Count > 0 ? kept : tokens).Take(MaxPersonTokens).ToList();
    }

    private static string Clip(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        var clipped = text.Length > MaxQueryLength ? text[..MaxQueryLength] : text;
        if (clipped.Length > 0 && char.IsHighSurrogate(clipped[^1]))
            clipped = clipped[..^1];
        return clipped.Trim();
    }

    private static string ChoiceText(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
            return "?";
        return trimmed.Length <= 100 ? trimmed : trimmed[..99] + "…";
    }
}
