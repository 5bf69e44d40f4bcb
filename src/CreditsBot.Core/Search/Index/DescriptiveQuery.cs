using CreditsBot.Core.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CreditsBot.Core.Search.Index;

/// <summary>One word of a role or section query: as typed (folded), as stemmed, and whether it may go unmatched.</summary>
internal readonly record struct DescriptiveWord(string Folded, string Stem, bool Optional);

/// <summary>
/// One field of a candidate as <see cref="DescriptiveQuery.Score"/> reads it: a section's title, area or document,
/// or a role's text. <paramref name="Covers"/>: a word matched here counts towards how fully the query covers the candidate.
/// </summary>
internal readonly record struct DescribedField(string[] Stems, string[] Words, double Weight, bool Covers);

/// <summary>
/// A role or section query: its words after stop words, with the words that only say what kind of thing is
/// asked for ("team", "section", "members") optional, and a document named in it ("… on gpt-4v") taken out
/// as a filter.
/// </summary>
internal sealed class DescriptiveQuery
{
    /// <summary>Words that describe the kind of answer, not which one: they count when they match and are skipped when not.</summary>
    private static readonly HashSet<string> KindWords = new(StringComparer.Ordinal)
    {
        "team", "teams", "section", "sections", "members", "member", "group", "groups", "crew", "squad", "folks", "part",
    };

    /// <summary>Whether each typed word is itself a word of some title or role (a real word, so at most one slip).</summary>
    private readonly bool[] known;

    /// <summary>
    /// This query's word-against-field results, each computed once: candidates that say the same words share one
    /// array of them (<see cref="CreditsIndexData"/>), so the array itself is the key.
    /// </summary>
    private readonly Dictionary<(int Word, bool OthersAgree, string[] Words), WordMatch> matches = [];

    private DescriptiveQuery(List<DescriptiveWord> words, string? documentId, HashSet<string> knownWords)
    {
        Words = words;
        DocumentId = documentId;
        Required = words.Count(w => !w.Optional);
        KnownWords = knownWords;
        known = words.Select(w => knownWords.Contains(w.Folded)).ToArray();
    }

    private HashSet<string> KnownWords { get; }

    public List<DescriptiveWord> Words { get; }

    public int Required { get; }

    /// <summary>The document the query named, or null.</summary>
    public string? DocumentId { get; }

    public static DescriptiveQuery Parse(
        SearchAnalyzers analyzers, string text, int maxWords, IReadOnlyList<(string Id, string[] Words)> documents, HashSet<string> knownWords)
    {
        var folded = AnalyzedText.Terms(analyzers.Folded, text, maxWords * 2).SelectMany(w => Split(w, knownWords)).ToList();
        var (rest, documentId) = WithoutDocument(folded, documents);
        var words = new List<DescriptiveWord>();
        foreach (var word in rest)
        {
            var stems = AnalyzedText.Terms(analyzers.Descriptive, word, 1);
            if (stems.Count == 0 || words.Any(w => w.Stem == stems[0]))
                continue; // a stop word, or said twice
            words.Add(new DescriptiveWord(word, stems[0], KindWords.Contains(word)));
            if (words.Count == maxWords)
                break;
        }
        if (words.All(w => w.Optional))
            words = words.Select(w => w with { Optional = false }).ToList();
        return new DescriptiveQuery(words, documentId, knownWords);
    }

    /// <summary>
    /// Two title words typed as one ("longcontext", "usersupport"): an unknown word that is two known words of
    /// three letters or more, the longest first part first; any other word as it is.
    /// </summary>
    private static IEnumerable<string> Split(string word, HashSet<string> knownWords)
    {
        if (word.Length >= 6 && !knownWords.Contains(word))
        {
            for (var at = word.Length - 3; at >= 3; at--)
            {
                if (knownWords.Contains(word[..at]) && knownWords.Contains(word[at..]))
                    return [word[..at], word[at..]];
            }
        }
        return [word];
    }

    /// <summary>
    /// The same query with the words of the request before its topic optional ("who coordinated design" → design):
    /// a required word the kind's candidates have neither as written nor stemmed, that is no slip of a word of the
    /// pages either, and that comes before a word naming a topic (one the candidates have, and not most of them:
    /// "lead" names none, so "who led cooking" keeps "cooking" required and finds nobody; "data marketing" keeps
    /// "marketing"). Optional words still count when they match.
    /// </summary>
    public DescriptiveQuery WithoutRequestWords(IndexReader reader, string termsField, bool[] common)
    {
        if (Array.TrueForAll(known, k => k))
            return this; // every word is a word of the pages: nothing to make optional
        var unknown = new bool[Words.Count];
        var topic = -1; // the first word that names a topic
        for (var i = 0; i < Words.Count; i++)
        {
            if (Words[i].Optional)
                continue;
            if (known[i] || reader.DocFreq(new Term(termsField, Words[i].Stem)) > 0)
            {
                if (topic < 0 && !common[i])
                    topic = i;
            }
            else
            {
                // A request comes before its topic ("who spearheaded triton"); an unknown word after a topic word
                // may be part of the topic ("data marketing") and stays required.
                unknown[i] = topic < 0;
            }
        }
        if (topic < 0)
            return this;
        var request = unknown.Select((u, i) => u && !NearKnownWord(Words[i].Folded)).ToArray();
        if (!request.Contains(true))
            return this;
        return new DescriptiveQuery(Words.Select((w, i) => request[i] ? w with { Optional = true } : w).ToList(), DocumentId, KnownWords);
    }

    /// <summary>Whether a word of the pages is within the slips <see cref="WordSimilarity"/> allows a word on its own.</summary>
    private bool NearKnownWord(string word)
    {
        var evidence = new WordEvidence(OtherWordsAgree: false, LoneWord: false, TypedWordIsKnown: false);
        foreach (var candidate in KnownWords)
        {
            if (Math.Abs(candidate.Length - word.Length) <= 2 && WordSimilarity.Score(word, candidate, [], evidence, minPrefix: 0).IsMatch)
                return true;
        }
        return false;
    }

    /// <summary>The same words, restricted to one document.</summary>
    public DescriptiveQuery WithDocument(string documentId) => new(Words, documentId, KnownWords);

    /// <summary>The same query with two neighbouring words joined ("pre training" → pretraining), or null when that makes no new word.</summary>
    public DescriptiveQuery? Joined(SearchAnalyzers analyzers, int at)
    {
        if (at + 1 >= Words.Count)
            return null;
        var folded = Words[at].Folded + Words[at + 1].Folded;
        var stems = AnalyzedText.Terms(analyzers.Descriptive, folded, 1);
        if (stems.Count == 0)
            return null;
        var words = Words.Take(at).Append(new DescriptiveWord(folded, stems[0], Optional: false)).Concat(Words.Skip(at + 2)).ToList();
        return new DescriptiveQuery(words, DocumentId, KnownWords);
    }

    /// <summary>
    /// A document id typed among the words ("gpt 4v", "gpt4v"), with a joining word before it ("on", "in"),
    /// is a filter, not a word to match, as long as other words remain.
    /// </summary>
    private static (List<string> Remaining, string? DocumentId) WithoutDocument(List<string> words, IReadOnlyList<(string Id, string[] Words)> documents)
    {
        foreach (var (id, idWords) in documents) // longest first (CreditsIndexData.DocumentIdWords)
        {
            if (idWords.Length == 0)
                continue;
            var joined = idWords.Length == 1 ? idWords[0] : string.Concat(idWords);
            for (var i = 0; i < words.Count; i++)
            {
                var length = words[i] == joined ? 1 : StartsAt(words, i, idWords) ? idWords.Length : 0;
                if (length == 0 || length == words.Count)
                    continue;
                var start = i > 0 && words[i - 1] is "on" or "in" or "for" or "at" or "of" ? i - 1 : i;
                return ([.. words.Take(start), .. words.Skip(i + length)], id);
            }
        }
        return (words, null);
    }

    private static bool StartsAt(List<string> words, int at, string[] part)
    {
        if (at + part.Length > words.Count)
            return false;
        for (var k = 0; k < part.Length; k++)
        {
            if (words[at + k] != part[k])
                return false;
        }
        return true;
    }

    /// <summary>
    /// The Lucene clause of one word: its stem or its folded form among the candidates' terms, and, when
    /// <paramref name="fuzzy"/>, the unstemmed words within the candidate edits.
    /// </summary>
    public static Query Clause(IndexReader reader, DescriptiveWord word, string termsField, string wordsField, bool fuzzy)
    {
        var alternatives = new List<Query> { QueryTerms.Term(termsField, word.Stem) };
        if (word.Folded != word.Stem)
            alternatives.Add(QueryTerms.Term(termsField, word.Folded));
        var edits = WordSimilarity.CandidateEdits(word.Folded.Length);
        if (fuzzy && edits > 0)
            alternatives.Add(TermExpansion.Fuzzy(reader, wordsField, word.Folded, edits, prefixLength: 1));
        return QueryTerms.AnyOf(alternatives);
    }

    /// <summary>
    /// Which words most candidates of a kind have as written (in more than a third of its documents): their
    /// agreement is no evidence that another word's slip means this candidate.
    /// </summary>
    public bool[] CommonWords(IndexReader reader, string termsField, int candidates)
    {
        var common = CommonTerms.Of(reader, termsField, candidates);
        var flags = new bool[Words.Count];
        for (var i = 0; i < flags.Length; i++)
            flags[i] = common.Contains(Words[i].Stem);
        return flags;
    }

    /// <summary>Every required word (all but one of three or more, when <paramref name="allowMissing"/>), plus the document filter.</summary>
    public Query Candidates(IndexReader reader, string termsField, string wordsField, string documentField, bool fuzzy, bool allowMissing)
    {
        var words = new BooleanQuery();
        foreach (var word in Words.Where(w => !w.Optional))
            words.Add(Clause(reader, word, termsField, wordsField, fuzzy), allowMissing ? Occur.SHOULD : Occur.MUST);
        if (allowMissing)
            words.MinimumNumberShouldMatch = Required - 1;
        if (DocumentId is null)
            return words;
        return QueryTerms.AllOf([words, QueryTerms.Term(documentField, DocumentId)]);
    }

    /// <summary>
    /// The one scoring rule of section and role candidates. Every required word must match some field (one may
    /// miss when <paramref name="allowMissing"/> is 1), each word taking its best weighted match; the mean over the
    /// required words, plus how fully the covering fields' <paramref name="describedCount"/> words are covered.
    /// A word's slip budget follows <see cref="WordSimilarity"/>: more room when another word matched as written,
    /// unless that word is one most candidates have (<paramref name="common"/>: "lead" in roles), which says little.
    /// </summary>
    /// <returns>0 when a required word matches nothing.</returns>
    public double Score(ReadOnlySpan<DescribedField> fields, int describedCount, double coverageWeight, int allowMissing, IReadOnlyList<bool> common)
    {
        Span<bool> strong = stackalloc bool[Words.Count];
        var strongCount = 0;
        for (var i = 0; i < Words.Count; i++)
        {
            foreach (var field in fields)
                strong[i] |= !Words[i].Optional && !common[i] && Array.IndexOf(field.Stems, Words[i].Stem) >= 0;
            strongCount += strong[i] ? 1 : 0;
        }
        var (total, counted, missing, covered) = (0.0, 0, 0, 0);
        for (var i = 0; i < Words.Count; i++)
        {
            var evidence = new WordEvidence(OtherWordsAgree: strongCount - (strong[i] ? 1 : 0) > 0, LoneWord: Required <= 1, TypedWordIsKnown: known[i]);
            var (best, covers) = (0.0, false);
            foreach (var field in fields)
            {
                var match = Match(i, field, evidence);
                best = Math.Max(best, field.Weight * match.Score);
                covers |= match.IsMatch && field.Covers;
            }
            if (best <= 0)
            {
                if (!Words[i].Optional && ++missing > allowMissing)
                    return 0;
                continue;
            }
            total += best;
            counted++;
            covered += covers ? 1 : 0;
        }
        if (counted == 0)
            return 0;
        var coverage = describedCount == 0 ? 0 : Math.Min(1, covered / (double)describedCount);
        return Math.Round(10 * total / Math.Max(counted, Required) + coverageWeight * coverage, 3);
    }

    /// <summary>
    /// The words (bit i for word i) that could match the field, with the most room any evidence gives them: a
    /// field reaching no word that another field already holds as written changes no score.
    /// </summary>
    public int ReachedWords(DescribedField field)
    {
        var words = 0;
        for (var i = 0; i < Words.Count; i++)
        {
            if (Match(i, field, new WordEvidence(OtherWordsAgree: true, LoneWord: Required <= 1, TypedWordIsKnown: known[i])).IsMatch)
                words |= 1 << i;
        }
        return words;
    }

    /// <summary>The words (bit i for word i) whose stem the field holds as written.</summary>
    public int WrittenWords(DescribedField field)
    {
        var words = 0;
        for (var i = 0; i < Words.Count; i++)
        {
            if (Array.IndexOf(field.Stems, Words[i].Stem) >= 0)
                words |= 1 << i;
        }
        return words;
    }

    /// <summary>Word <paramref name="index"/> against one field: its stem as written counts fully, else the best <see cref="WordSimilarity"/> match of the field's unstemmed words.</summary>
    private WordMatch Match(int index, DescribedField field, WordEvidence evidence)
    {
        var word = Words[index];
        if (Array.IndexOf(field.Stems, word.Stem) >= 0)
            return new WordMatch(WordMatchKind.Exact, WordSimilarity.ExactScore);
        var key = (index, evidence.OtherWordsAgree, field.Words);
        if (matches.TryGetValue(key, out var best))
            return best;
        best = WordMatch.None;
        foreach (var candidate in field.Words)
        {
            var match = WordSimilarity.Score(word.Folded, candidate, [], evidence, minPrefix: 0);
            if (match.Score > best.Score)
                best = match;
        }
        matches[key] = best;
        return best;
    }
}
