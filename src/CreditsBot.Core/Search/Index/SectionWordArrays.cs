namespace CreditsBot.Core.Search.Index;

/// <summary>Where a section's title, area and document words stand among the distinct ones.</summary>
internal readonly record struct SectionWordIds(int Title, int Area, int Document);

/// <summary>
/// The distinct word arrays of the sections' titles, areas and documents, numbered: sections that say the same
/// words share one array and one number, so a query scores each distinct title, area and document once.
/// </summary>
internal sealed class SectionWordArrays
{
    private readonly Dictionary<string[], int> titleIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string[], int> areaIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string[], int> documentIds = new(ReferenceEqualityComparer.Instance);
    private readonly List<List<int>>[] sections = [[], [], []];
    private readonly List<int[]>[] wordIds = [[], [], []];
    private readonly Dictionary<string, int> vocabularyIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Kind, int Id)>> arraysWith = new(StringComparer.Ordinal);

    public List<string[]> Titles { get; } = [];

    /// <summary>Each of <see cref="Titles"/> as one text ("core contributors 5"), for titles that start with the typed text.</summary>
    public List<string> TitleTexts { get; } = [];

    public List<string[]> Areas { get; } = [];

    public List<string[]> Documents { get; } = [];

    /// <summary>Every distinct word of all titles, areas and documents: a query scores each of them at most once.</summary>
    public List<string> Vocabulary { get; } = [];

    /// <summary>Each section's three array numbers, by ordinal, side by side: a walk over many sections reads one array.</summary>
    private readonly List<SectionWordIds> idsByOrdinal = [];

    public SectionWordIds IdsOf(int ordinal) => idsByOrdinal[ordinal];

    /// <summary>The words of array <paramref name="id"/> of a kind, as places in <see cref="Vocabulary"/>.</summary>
    public int[] WordIdsOf(int kind, int id) => wordIds[kind][id];

    /// <summary>The ordinals of the sections that have array <paramref name="id"/> of a kind (0 titles, 1 areas, 2 documents), in page order.</summary>
    public List<int> SectionsOf(int kind, int id) => sections[kind][id];

    /// <summary>
    /// The arrays (kind, id) whose text has this term as a word or a stem, each once: the sections that say a word as
    /// written are the ones filed under these, with no index query.
    /// </summary>
    public IReadOnlyList<(int Kind, int Id)> ArraysWith(string term) => arraysWith.TryGetValue(term, out var arrays) ? arrays : [];

    /// <summary>
    /// Numbers a section's three arrays of words (each new array gets the next number of its kind) and files the
    /// section under each; a new array's words and stems (the same text, stemmed) are filed under <see cref="ArraysWith"/>.
    /// </summary>
    public SectionWordIds Add(int ordinal, (string[] Words, string[] Stems) title, (string[] Words, string[] Stems) area, (string[] Words, string[] Stems) document)
    {
        if (ordinal != idsByOrdinal.Count)
            throw new ArgumentOutOfRangeException(nameof(ordinal), "Sections are added in ordinal order.");
        var ids = new SectionWordIds(IdOf(0, ordinal, title, titleIds, Titles), IdOf(1, ordinal, area, areaIds, Areas), IdOf(2, ordinal, document, documentIds, Documents));
        idsByOrdinal.Add(ids);
        return ids;
    }

    private int IdOf(int kind, int ordinal, (string[] Words, string[] Stems) text, Dictionary<string[], int> ids, List<string[]> all)
    {
        var words = text.Words;
        if (!ids.TryGetValue(words, out var id))
        {
            ids[words] = id = all.Count;
            all.Add(words);
            sections[kind].Add([]);
            wordIds[kind].Add(words.Select(VocabularyId).ToArray());
            if (kind == 0)
                TitleTexts.Add(string.Join(' ', words));
            foreach (var term in words.Concat(text.Stems).Distinct(StringComparer.Ordinal))
            {
                if (!arraysWith.TryGetValue(term, out var arrays))
                    arraysWith[term] = arrays = [];
                arrays.Add((kind, id));
            }
        }
        sections[kind][id].Add(ordinal);
        return id;
    }

    private int VocabularyId(string word)
    {
        if (!vocabularyIds.TryGetValue(word, out var id))
        {
            vocabularyIds[word] = id = Vocabulary.Count;
            Vocabulary.Add(word);
        }
        return id;
    }
}
