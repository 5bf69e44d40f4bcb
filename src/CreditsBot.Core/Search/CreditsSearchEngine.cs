using CreditsBot.Core.Model;
using CreditsBot.Core.Search.Analysis;
using CreditsBot.Core.Search.Index;
using CreditsBot.Core.Search.Indexing;
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
    private IReadOnlyList<PageStatus> pages = [];

    public CreditsSearchEngine(ILogger<CreditsSearchEngine>? logger = null)
    {
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public bool IsReady => Volatile.Read(ref current) is not null;

    public IndexSummary? Summary => Volatile.Read(ref current)?.Data.Summary;

    /// <summary>How each page fared in the latest import (set by the indexing service).</summary>
    public IReadOnlyList<PageStatus> Pages => Volatile.Read(ref pages);

    public void ReportPages(IReadOnlyList<PageStatus> statuses) => Volatile.Write(ref pages, statuses);

    /// <summary>The fingerprint of the documents of the index now serving, or null before the first.</summary>
    public string? Fingerprint => Volatile.Read(ref current)?.Fingerprint;

    /// <summary>
    /// Builds the index of <paramref name="catalog"/> and makes it the one that answers. With an
    /// <paramref name="indexFolder"/>, the generation serving there is reopened as it is when its commit
    /// carries the same fingerprint; otherwise a new generation is built beside it and swapped in
    /// (<see cref="OnDiskIndexFolder"/>). A failed build throws and leaves the serving index as it was.
    /// </summary>
    /// <returns>True when an existing on-disk index was reopened rather than built.</returns>
    public bool Publish(CreditsCatalog catalog, string fingerprint, string? indexFolder = null)
    {
        var data = CreditsIndexData.Build(catalog, analyzers);
        var (directory, reopened) = OpenOrBuild(data, fingerprint, indexFolder);
        SearchGeneration generation;
        try
        {
            generation = new SearchGeneration(data, directory, fingerprint);
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

    private (LuceneDirectory Directory, bool Reopened) OpenOrBuild(CreditsIndexData data, string fingerprint, string? indexFolder)
    {
        void Write(LuceneDirectory directory) => CreditsIndexWriter.Write(directory, data, analyzers, fingerprint);

        if (string.IsNullOrWhiteSpace(indexFolder))
        {
            var memory = new RAMDirectory();
            try
            {
                Write(memory);
            }
            catch
            {
                memory.Dispose();
                throw;
            }
            return (memory, false);
        }

        var folder = new OnDiskIndexFolder(indexFolder);
        return folder.OpenIfCurrent(fingerprint) is { } existing ? (existing, true) : (folder.Build(Write), false);
    }

    public PersonResult FindPerson(string query, int limit = 10)
    {
        var text = Clip(query);
        var empty = new PersonResult(text, [], []);
        return Run(empty, (generation, searcher) =>
        {
            var tokens = WithoutFiller(AnalyzedText.Terms(analyzers.Folded, text, MaxPersonTokens + 4).Distinct().ToList(), generation.Data.NameWords, generation.Data.DescriptiveWords);
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
                .Select(m => ToHit(generation, m.Person, m.Score, m.Tier))
                .ToList();
            return new PersonResult(text, hits, []);
        });
    }

    /// <summary>A word of some credited name: any of its analysed terms is a name word of the index.</summary>
    public bool IsNameWord(string word) => Run(false, (generation, _) =>
        AnalyzedText.Terms(analyzers.Folded, Clip(word), MaxPersonTokens).Any(generation.Data.NameWords.Contains));

    public PersonHit? GetPerson(string key) => Run<PersonHit?>(null, (generation, _) =>
        key is not null && generation.Data.PeopleByKey.TryGetValue(key, out var person)
            ? ToHit(generation, person, PersonMatch.ExactBase, MatchTier.Exact)
            : null);

    public SectionResult FindSection(string query, string? documentId = null, int limit = 10)
    {
        var text = Clip(query);
        if (SectionKeys.TryRead(text, out var keyDocument, out var keySection))
            (text, documentId) = (keySection, documentId ?? keyDocument);
        var empty = new SectionResult(text, [], []);
        return Run(empty, (generation, searcher) =>
        {
            var parsed = DescriptiveQuery.Parse(analyzers, text, MaxTextTokens, generation.Data.DocumentIdWords, generation.Data.DescriptiveWords);
            if (parsed.Words.Count == 0)
                return empty;
            if (documentId is not null)
                parsed = parsed.WithDocument(documentId);
            // A question about a section ("who's in the kernels squad"); not for a role question's section fallback,
            // where "lead" would name a topic ("who led cooking" is nobody, not the red teaming leaders).
            var common = parsed.CommonWords(searcher.IndexReader, IndexFields.SectionTerms, generation.Data.Sections.Length);
            parsed = parsed.WithoutRequestWords(searcher.IndexReader, IndexFields.SectionTerms, common);
            var found = SectionLookup.Find(generation, searcher, analyzers, parsed, Math.Clamp(limit, 1, 50));
            if (found.Count == 0)
            {
                var suggestions = SectionLookup.Suggest(generation, searcher, parsed, SuggestionCount);
                if (suggestions.Count == 0)
                {
                    suggestions = Nearest(
                        generation.Data.Sections.Length > SimilarityScanLimit ? [] : generation.Data.Sections.Select(s => (string.Join(' ', s.TitleWords.Concat(s.AreaWords)), s.DisplayName)).ToList(),
                        string.Join(' ', AnalyzedText.Terms(analyzers.Folded, text, MaxTextTokens)));
                }
                return new SectionResult(text, [], suggestions);
            }
            return new SectionResult(text, found.Select(f => ToHit(f.Section, f.Score)).ToList(), []);
        });
    }

    /// <summary>The section of a key; for a key of an older index whose area was renamed, the same section of the same document.</summary>
    public SectionHit? GetSection(string key) => Run<SectionHit?>(null, (generation, _) =>
        key is null ? null
        : generation.Data.SectionsByKey.TryGetValue(key, out var section) ? ToHit(section, 100)
        : SectionKeys.Moved(key, generation.Data.SectionsByKey.Keys) is { } moved ? ToHit(generation.Data.SectionsByKey[moved], 90)
        : null);

    public RoleResult FindRole(string query, int limit = 10)
    {
        var text = Clip(query);
        var empty = new RoleResult(text, [], []);
        return Run(empty, (generation, searcher) =>
        {
            var parsed = DescriptiveQuery.Parse(analyzers, text, MaxTextTokens, generation.Data.DocumentIdWords, generation.Data.DescriptiveWords);
            if (parsed.Words.Count == 0)
                return empty;
            var count = Math.Clamp(limit, 1, 50);
            var found = RoleLookup.Find(generation, searcher, parsed, count);
            if (found.Count > 0)
                return new RoleResult(text, found.Select(f => new RoleHit(f.Person.Name, f.Score, f.Roles)).ToList(), []);
            // Role words that only a section title carries ("who worked on long context kernels"): its members.
            var section = SectionLookup.Find(generation, searcher, analyzers, parsed, 1);
            if (section.Count > 0)
                return new RoleResult(text, SectionMembers(generation, section[0].Section, section[0].Score, count), []);
            return new RoleResult(text, [], RoleLookup.Suggest(generation, searcher, parsed, SuggestionCount));
        });
    }

    public IReadOnlyList<AutocompleteChoice> Autocomplete(AutocompleteKind kind, string text, string? documentId = null, int limit = 25)
    {
        var clipped = Clip(text);
        var count = Math.Clamp(limit, 1, 25);
        return Run<IReadOnlyList<AutocompleteChoice>>([], (generation, searcher) =>
        {
            var tokens = AnalyzedText.Terms(analyzers.Folded, clipped, kind == AutocompleteKind.Section ? MaxTextTokens : MaxPersonTokens);
            if (tokens.Count == 0 && clipped.Length > 0)
                return []; // only symbols or emoji: nobody is meant
            if (kind == AutocompleteKind.Section)
            {
                return AutocompleteLookup.Sections(generation, tokens, documentId, count)
                    .Select(s => new AutocompleteChoice(ChoiceText(s.DisplayName), s.Key))
                    .ToList();
            }
            // The last word stays: it may be a name being typed ("dr" → Drew).
            var named = tokens.Count == 0 ? tokens : [.. WithoutFormsOfAddress(tokens.Take(tokens.Count - 1), generation.Data.NameWords), tokens[^1]];
            return AutocompleteLookup.People(generation, searcher, named, AccentedWords(clipped), count)
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

    private static PersonHit ToHit(SearchGeneration generation, IndexedPerson person, double score, MatchTier tier) =>
        new(person.Key, person.Name, score, tier, person.Credits, PersonLookup.Variants(generation, person));

    private static List<RoleHit> SectionMembers(SearchGeneration generation, IndexedSection section, double score, int limit) => section.Section.Credits
        .Select(c => c.Person)
        .Distinct(StringComparer.Ordinal)
        .Take(limit)
        .Select(name => generation.Data.PersonBySpelling.GetValueOrDefault(name))
        .OfType<IndexedPerson>()
        .Select(p => new RoleHit(p.Name, score, p.Credits.Where(e => e.Section == section.Section).ToList()))
        .ToList();

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

    /// <summary>Forms of address: never part of a credited name ("Dr. Ilya Sutskever").</summary>
    private static readonly HashSet<string> FormsOfAddress = new(StringComparer.Ordinal)
    {
        "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame",
    };

    /// <summary>
    /// The words of a request around a name ("who is …", "show me …", "credits for …", "… 's role"): asking,
    /// pointing and the general words of credits, in English. The pages' own words (titles, areas, roles) are
    /// added from the index (<see cref="WithoutFiller"/>).
    /// </summary>
    private static readonly HashSet<string> RequestWords = new(StringComparer.Ordinal)
    {
        "who", "whos", "whois", "is", "was", "are", "were", "find", "credits", "credit", "credited", "for", "what", "whats", "did",
        "do", "does", "show", "me", "look", "up", "lookup", "please", "the", "a", "an", "about", "named", "called", "search", "tell",
        "info", "hey", "hi", "person", "s", "of", "on", "by", "in", "at", "to", "and", "where", "which", "list", "all", "get", "give",
        "his", "her", "their", "has", "have", "had", "role", "roles", "contribution", "contributions", "contributed", "work", "worked",
        "works", "working", "job", "page", "profile",
    };

    /// <summary>The words without a form of address ("dr", "prof"), unless some credited name has the word.</summary>
    private static List<string> WithoutFormsOfAddress(IEnumerable<string> words, HashSet<string> nameWords) =>
        words.Where(t => !FormsOfAddress.Contains(t) || nameWords.Contains(t)).ToList();

    /// <summary>
    /// The words that name someone. Forms of address are dropped. When two words or more are words of credited
    /// names (or parts of one split in two: "And rew"), they are the name and every other word is the request
    /// around it ("looking for …", "… pls"). Otherwise (a slip in the name) request words and the pages' own
    /// descriptive words (titles, areas, roles: "contributions of …", "… pretraining") are dropped while two
    /// words or more remain (so "the long" stays two words nobody has); if nothing would remain, the words stay.
    /// </summary>
    private static List<string> WithoutFiller(List<string> tokens, HashSet<string> nameWords, HashSet<string> descriptiveWords)
    {
        bool PartOfName(List<string> words, int i) => nameWords.Contains(words[i])
            || (i > 0 && nameWords.Contains(words[i - 1] + words[i])) || (i + 1 < words.Count && nameWords.Contains(words[i] + words[i + 1]));
        var named = WithoutFormsOfAddress(tokens, nameWords);
        var ofNames = named.Where((_, i) => PartOfName(named, i)).ToList();
        if (ofNames.Count >= 2)
            return ofNames.Take(MaxPersonTokens).ToList();
        var kept = named.Where((t, i) => PartOfName(named, i) || !(RequestWords.Contains(t) || descriptiveWords.Contains(t))).ToList();
        if (kept.Count < 2)
            kept = named;
        return (kept.Count > 0 ? kept : tokens).Take(MaxPersonTokens).ToList();
    }

    /// <summary>The typed words (lower case) that carry a letter beyond ASCII: an accent the user meant.</summary>
    private static List<string> AccentedWords(string text) => text.ToLowerInvariant()
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Any(c => c > '\u007f' && char.IsLetter(c)))
        .ToList();

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
