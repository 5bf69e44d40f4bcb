using System.Security.Cryptography;
using System.Text;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search.Analysis;
using CreditsBot.Core.Search.Indexing;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Everything a lookup returns, derived from a catalog in a fixed order: people by number of credits
/// (so the first hits in index order are the best known), sections and roles in page order.
/// The Lucene documents point into these arrays by ordinal.
/// </summary>
internal sealed class CreditsIndexData
{
    private CreditsIndexData(
        CreditsCatalog catalog,
        IndexedPerson[] people,
        IndexedSection[] sections,
        SectionWordArrays sectionWordArrays,
        IndexedRole[] roles)
    {
        People = people;
        Sections = sections;
        Roles = roles;
        RoleCredits = BuildRoleCredits(people, roles);
        PeopleByKey = people.ToDictionary(p => p.Key, StringComparer.Ordinal);
        PersonBySpelling = new Dictionary<string, IndexedPerson>(StringComparer.Ordinal);
        foreach (var person in people)
            foreach (var credit in person.Credits)
                PersonBySpelling.TryAdd(credit.Person, person);
        VariantBlocks = BuildVariantBlocks(people);
        NameBeginnings = new NameBeginnings(people);
        SectionsByKey = sections.ToDictionary(s => s.Key, StringComparer.Ordinal);
        SectionWordArrays = sectionWordArrays;
        NameWords = people.SelectMany(p => p.SearchTokens).ToHashSet(StringComparer.Ordinal);
        DocumentIdWords = catalog.Documents.Select(d => (d.Id, DocumentIdWordsOf(d.Id)))
            .OrderByDescending(d => d.Item2.Length)
            .ThenByDescending(d => string.Concat(d.Item2).Length)
            .ToList();
        DescriptiveWords = sections.SelectMany(s => s.TitleWords.Concat(s.AreaWords).Concat(s.DocumentWords))
            .Concat(roles.SelectMany(r => r.Words))
            .ToHashSet(StringComparer.Ordinal);
        Summary = new IndexSummary(
            catalog.Documents.Select(d => new DocumentSummary(
                d.Id, d.Title, d.Url, d.Areas.Sum(a => a.Sections.Count), d.CreditCount)).ToList(),
            sections.Length,
            people.Length,
            catalog.CreditCount,
            DateTimeOffset.UtcNow);
    }

    public IndexedPerson[] People { get; }

    public IndexedSection[] Sections { get; }

    public IndexedRole[] Roles { get; }

    /// <summary>
    /// Each person's credits that carry an indexed role, with the role's ordinal, by person ordinal: a role answer
    /// lists a page person's matching credits from these few instead of every credit they have.
    /// </summary>
    public RoleCredit[][] RoleCredits { get; }

    public IReadOnlyDictionary<string, IndexedPerson> PeopleByKey { get; }

    /// <summary>People by the beginning of their name, for as-you-type choices.</summary>
    public NameBeginnings NameBeginnings { get; }

    public IReadOnlyDictionary<string, IndexedSection> SectionsByKey { get; }

    /// <summary>The distinct word arrays of titles, areas and documents, for the best score a section query could reach.</summary>
    public SectionWordArrays SectionWordArrays { get; }

    /// <summary>The person each spelling on the pages belongs to.</summary>
    public Dictionary<string, IndexedPerson> PersonBySpelling { get; }

    /// <summary>Every word of every credited name: a typed word that is one of them is a real word, not a slip.</summary>
    public HashSet<string> NameWords { get; }

    /// <summary>
    /// Each document's id as folded words ("gpt-4v" → gpt, 4v): a document named in a question. Longest first,
    /// so that "gpt 4v" is read as gpt-4v before gpt-4 could claim "gpt".
    /// </summary>
    public IReadOnlyList<(string Id, string[] Words)> DocumentIdWords { get; }

    private static string[] DocumentIdWordsOf(string id)
    {
        using var analyzer = new FoldedWordsAnalyzer();
        return AnalyzedText.Terms(analyzer, id, 8).ToArray();
    }

    /// <summary>Every folded word of the titles and roles: a typed word that is one of them is a real word, not a slip.</summary>
    public HashSet<string> DescriptiveWords { get; }

    public IndexSummary Summary { get; }

    /// <summary>
    /// Small blocks of people that could be spellings of one another, keyed by <see cref="VariantKeys"/>:
    /// "also credited as" compares a person only with the few people sharing one of its keys.
    /// </summary>
    public IReadOnlyDictionary<string, int[]> VariantBlocks { get; }

    /// <summary>
    /// A person's blocking keys: each non-last word with the surname (same first and last words, or a nickname
    /// or middle name more or less), the surname with the given name's first letter (given names within a few
    /// edits), and the given name with the surname's first letter (surnames within a few edits).
    /// </summary>
    public static IEnumerable<string> VariantKeys(string[] tokens)
    {
        if (tokens.Length < 2)
            yield break;
        var (first, last) = (tokens[0], tokens[^1]);
        for (var i = 0; i < tokens.Length - 1; i++)
            yield return $"w|{tokens[i]}|{last}";
        yield return $"l|{last}|{first[0]}";
        yield return $"f|{first}|{last[0]}";
    }

    private static Dictionary<string, int[]> BuildVariantBlocks(IndexedPerson[] people)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            foreach (var key in VariantKeys(person.Tokens))
            {
                if (!blocks.TryGetValue(key, out var block))
                    blocks[key] = block = [];
                if (block.Count == 0 || block[^1] != person.Ordinal)
                    block.Add(person.Ordinal);
            }
        }
        return blocks.Where(b => b.Value.Count > 1).ToDictionary(b => b.Key, b => b.Value.ToArray(), StringComparer.Ordinal);
    }

    private static RoleCredit[][] BuildRoleCredits(IndexedPerson[] people, IndexedRole[] roles)
    {
        var ordinals = roles.ToDictionary(r => r.Text, r => r.Ordinal, StringComparer.Ordinal);
        var credits = new RoleCredit[people.Length][];
        var found = new List<RoleCredit>();
        foreach (var person in people)
        {
            found.Clear();
            foreach (var credit in person.Credits)
            {
                if (credit.Role is not null && ordinals.TryGetValue(credit.Role, out var role))
                    found.Add(new RoleCredit(role, credit));
            }
            credits[person.Ordinal] = found.Count == 0 ? [] : found.ToArray();
        }
        return credits;
    }

    public static CreditsIndexData Build(CreditsCatalog catalog, SearchAnalyzers analyzers)
    {
        var people = BuildPeople(catalog, analyzers);
        var byName = new Dictionary<string, IndexedPerson>(StringComparer.Ordinal);
        foreach (var person in people)
            foreach (var credit in person.Credits)
                byName.TryAdd(credit.Person, person);

        var sections = new List<IndexedSection>();
        var roles = new Dictionary<string, RoleBuilder>(StringComparer.Ordinal); // many credits share a role text
        var sectionKeys = new SectionKeys();
        var wordArrays = new SectionWordArrays();
        // One array per distinct text and analyzer: sections and roles that say the same words share them, so a
        // query scores each distinct field once (DescriptiveQuery keeps its results by array).
        var analysed = new Dictionary<(Lucene.Net.Analysis.Analyzer, string), string[]>();
        string[] Analysed(Lucene.Net.Analysis.Analyzer analyzer, string text) =>
            analysed.TryGetValue((analyzer, text), out var words) ? words : analysed[(analyzer, text)] = WithJoinedForms(analyzer, text);
        foreach (var document in catalog.Documents)
        {
            var documentTokens = Analysed(analyzers.Descriptive, $"{document.Id} {document.Title}");
            var documentWords = Analysed(analyzers.Folded, $"{document.Id} {document.Title}");
            foreach (var area in document.Areas)
            {
                var areaTokens = Analysed(analyzers.Descriptive, area.Title);
                var areaWords = Analysed(analyzers.Folded, area.Title);
                foreach (var section in area.Sections)
                {
                    var titleTokens = Analysed(analyzers.Descriptive, section.Title);
                    var titleWords = Analysed(analyzers.Folded, section.Title);
                    sections.Add(new IndexedSection
                    {
                        Ordinal = sections.Count,
                        Key = sectionKeys.Next(document, area, section),
                        DisplayName = DisplayName(document, area, section),
                        Document = document,
                        Area = area,
                        Section = section,
                        TitleTokens = titleTokens,
                        DescribedWordCount = titleTokens.Concat(areaTokens).Distinct(StringComparer.Ordinal).Count(),
                        AreaTokens = areaTokens,
                        DocumentTokens = documentTokens,
                        TitleWords = titleWords,
                        AreaWords = areaWords,
                        DocumentWords = documentWords,
                        WordIds = wordArrays.Add(sections.Count, (titleWords, titleTokens), (areaWords, areaTokens), (documentWords, documentTokens)),
                    });
                }
            }

            foreach (var entry in document.Entries())
            {
                if (string.IsNullOrWhiteSpace(entry.Role) || !byName.TryGetValue(entry.Person, out var person))
                    continue;
                if (!roles.TryGetValue(entry.Role, out var role))
                    roles[entry.Role] = role = new RoleBuilder(entry.Role);
                role.Add(person.Ordinal, document.Id);
            }
        }

        var indexedRoles = new List<IndexedRole>();
        foreach (var role in roles.Values)
        {
            if (role.Build(analyzers, indexedRoles.Count) is { } indexed)
                indexedRoles.Add(indexed);
        }
        return new CreditsIndexData(catalog, people, sections.ToArray(), wordArrays, indexedRoles.ToArray());
    }

    /// <summary>
    /// A role text's holders grouped by document as they come, each document's in ordinal order: a tally indexed by
    /// ordinal then reads its slots front to back instead of at random (tens of thousands of them for a common role).
    /// </summary>
    private sealed class RoleBuilder(string text)
    {
        private readonly List<int> holders = [];
        private readonly List<RoleDocumentRange> documents = [];

        public void Add(int person, string documentId)
        {
            if (documents.Count == 0 || documents[^1].DocumentId != documentId)
                documents.Add(new RoleDocumentRange(documentId, holders.Count, 0));
            documents[^1] = documents[^1] with { Count = documents[^1].Count + 1 };
            holders.Add(person);
        }

        /// <summary>The indexed role, or null for a role text with no word to search by.</summary>
        public IndexedRole? Build(SearchAnalyzers analyzers, int ordinal)
        {
            var tokens = WithJoinedForms(analyzers.Descriptive, text);
            if (tokens.Length == 0)
                return null;
            var ordered = holders.ToArray();
            foreach (var range in documents)
                Array.Sort(ordered, range.Start, range.Count);
            return new IndexedRole
            {
                Ordinal = ordinal,
                Text = text,
                Tokens = tokens,
                DistinctTokenCount = tokens.Distinct(StringComparer.Ordinal).Count(),
                Words = WithJoinedForms(analyzers.Folded, text),
                Holders = ordered,
                Documents = documents.ToArray(),
            };
        }
    }

    /// <summary>"Section — Area — Document title", leaving out a part that repeats the one before or is empty; at most 100 characters.</summary>
    public static string DisplayName(CreditsDocument document, CreditArea area, CreditSection section)
    {
        var parts = new List<string>();
        foreach (var part in new[] { section.Title, area.Title, document.Title })
        {
            if (!string.IsNullOrWhiteSpace(part) && !parts.Contains(part.Trim(), StringComparer.OrdinalIgnoreCase))
                parts.Add(part.Trim());
        }
        var name = parts.Count == 0 ? document.Id : string.Join(" — ", parts);
        return name.Length <= 100 ? name : name[..99] + "…";
    }

    private static IndexedPerson[] BuildPeople(CreditsCatalog catalog, SearchAnalyzers analyzers)
    {
        var groups = new Dictionary<string, List<CreditEntry>>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokensOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var searchTokensOf = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var analysed = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = 0;
        foreach (var entry in catalog.Entries())
        {
            if (!analysed.TryGetValue(entry.Person, out var key))
            {
                var tokens = AnalyzedText.Terms(analyzers.Folded, entry.Person, maxTokens: 16).ToArray();
                key = tokens.Length == 0 ? entry.Person.Trim() : string.Join(' ', tokens);
                analysed[entry.Person] = key;
                if (tokensOf.TryAdd(key, tokens))
                {
                    searchTokensOf[key] = WithJoinedPairs(entry.Person.IndexOfAny(JoiningMarks) >= 0
                        ? WithJoinedForms(analyzers.Folded, entry.Person)
                        : tokens, tokens);
                }
            }
            if (key.Length == 0)
                continue;
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                firstSeen[key] = seen++;
            }
            list.Add(entry);
        }

        var ordered = groups
            .OrderByDescending(g => g.Value.Count)
            .ThenBy(g => firstSeen[g.Key])
            .ToList();
        var people = new IndexedPerson[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var (key, credits) = (ordered[i].Key, ordered[i].Value);
            var name = credits
                .GroupBy(c => c.Person, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .First().Key;
            people[i] = new IndexedPerson
            {
                Ordinal = i,
                Key = StableKey(key),
                Name = name,
                Tokens = tokensOf[key],
                SearchTokens = searchTokensOf[key],
                ExactKeys = ExactKeys(analyzers, credits.Select(c => c.Person).Distinct(StringComparer.Ordinal), key),
                Credits = credits,
            };
        }
        return people;
    }

    /// <summary>The full name, plus for "Michael (Rai) Pokorny" both "michael pokorny" and "rai pokorny".</summary>
    private static string[] ExactKeys(SearchAnalyzers analyzers, IEnumerable<string> spellings, string key)
    {
        // The name typed without spaces ("gregbrockman") is exact too.
        var keys = new HashSet<string>(StringComparer.Ordinal) { key, key.Replace(" ", "", StringComparison.Ordinal) };
        foreach (var spelling in spellings)
        {
            var open = spelling.IndexOf('(');
            var close = open >= 0 ? spelling.IndexOf(')', open + 1) : -1;
            if (open < 0 || close < 0)
                continue;
            var outside = spelling[..open] + " " + spelling[(close + 1)..];
            var nickname = spelling[(open + 1)..close];
            var rest = AnalyzedText.Terms(analyzers.Folded, outside, 16);
            var nick = AnalyzedText.Terms(analyzers.Folded, nickname, 16);
            if (rest.Count > 0)
                keys.Add(string.Join(' ', rest));
            if (rest.Count > 1 && nick.Count > 0)
                keys.Add(string.Join(' ', nick.Concat(rest.Skip(1))));
        }
        return keys.ToArray();
    }

    /// <summary>Analysed tokens plus the joined form of each hyphenated word ("Gontijo-Lopes" → gontijo, lopes, gontijolopes).</summary>
    public static string[] WithJoinedForms(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var tokens = AnalyzedText.Terms(analyzer, text, maxTokens: 32);
        foreach (var word in text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.IndexOfAny(JoiningMarks) < 0)
                continue;
            var parts = AnalyzedText.Terms(analyzer, word, 8);
            var joined = AnalyzedText.Terms(analyzer, string.Concat(parts), 1);
            if (parts.Count > 1 && joined.Count == 1 && !tokens.Contains(joined[0]))
                tokens.Add(joined[0]);
        }
        return tokens.ToArray();
    }

    /// <summary>Names of three words or more also answer two neighbouring words typed as one ("JuanFelipe").</summary>
    private static string[] WithJoinedPairs(string[] searchTokens, string[] tokens)
    {
        if (tokens.Length < 3)
            return searchTokens;
        var pairs = Enumerable.Range(0, tokens.Length - 1).Select(i => tokens[i] + tokens[i + 1]);
        return searchTokens.Concat(pairs).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Marks inside a word whose parts are also worth indexing joined.</summary>
    private static readonly char[] JoiningMarks = ['-', '‐', '.', '/'];

    private static string StableKey(string key)
    {
        if (key.Length <= 100)
            return key;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12].ToLowerInvariant();
        return key[..87] + "~" + hash;
    }
}
