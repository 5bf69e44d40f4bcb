using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace CreditsBot.Core.Search;

/// <summary>A person named in a text: who, and the words that named them.</summary>
public sealed record PersonMention(PersonHit Person, string Words);

/// <summary>
/// Finds the people a text names, using the person lookup itself: runs of two to four words within a clause are
/// looked up, grown while they name someone, and the longest accepted is taken (see <see cref="Names"/>). A
/// prefix match ("Greg Brock") or a single word ("Greg") never counts. A run is looked up only when one of its
/// first two words is a word of some credited name (see <see cref="IsNameWord"/>): a lookup of ordinary words
/// costs many times one of a name, and most of a message is ordinary words.
/// </summary>
public static class MentionFinder
{
    /// <summary>Only this much of a text is read (a Discord message is at most 4,000 characters).</summary>
    public const int MaxTextLength = 4000;
    private const int MinWords = 2;
    private const int MaxWords = 4;
    private const int MinSlipLength = 4;

    public static IReadOnlyList<PersonMention> Find(ICreditsSearch search, string? text, int limit = 25)
    {
        var found = new List<PersonMention>();
        if (string.IsNullOrWhiteSpace(text) || limit <= 0)
            return found;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // A message repeats its ordinary word pairs: each distinct run is looked up once (the lookup ignores case).
        var lookups = new Dictionary<string, PersonHit?>(StringComparer.OrdinalIgnoreCase);
        var nameWords = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var clause in Clauses(text.Length > MaxTextLength ? text[..MaxTextLength] : text))
        {
            for (var start = 0; start + MinWords <= clause.Count && found.Count < limit;)
            {
                var (length, hit) = IsNameWord(search, nameWords, clause[start]) || IsNameWord(search, nameWords, clause[start + 1])
                    ? LongestName(run => Lookup(search, lookups, run), clause, start)
                    : (0, null);
                if (hit is null)
                {
                    start++;
                    continue;
                }
                if (seen.Add(hit.Key))
                    found.Add(new PersonMention(hit, string.Join(' ', clause.Skip(start).Take(length))));
                start += length;
            }
        }
        return found;
    }

    /// <summary>
    /// The longest run from <paramref name="start"/> that names a person, grown one word at a time only while the
    /// shorter run named someone: a name's first two words already name its person ("Juan Felipe" of Juan Felipe
    /// Cerón Uribe), so a run that does not is not the start of a name (a name after "Dr" or "for" is found from
    /// its own first word). This keeps a message to about one lookup per word.
    /// </summary>
    private static (int Length, PersonHit? Hit) LongestName(Func<string, PersonHit?> lookup, IReadOnlyList<string> words, int start)
    {
        (int, PersonHit?) best = (0, null);
        for (var length = MinWords; length <= MaxWords && start + length <= words.Count; length++)
        {
            var run = words.Skip(start).Take(length).ToList();
            if (lookup(string.Join(' ', run)) is not { } hit || !Names(run, hit))
                break;
            // Filler the lookup accepts may follow a name ("Greg Brockman and …", "Jeff Wu said Jeff"): the name ends
            // before it, at a word of the name or at its one slip (a fuzzy match accepts no filler).
            if (!IsWordOf(hit, run[^1]) && hit.Tier != MatchTier.Fuzzy)
                break;
            best = (length, hit);
        }
        return best;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is a word of some credited name (<see cref="ICreditsSearch.IsNameWord"/>), once
    /// per distinct word. <see cref="Names"/> accepts a run only when at least one of its first two words is a word of
    /// the name found, so a run without one is not looked up.
    /// </summary>
    private static bool IsNameWord(ICreditsSearch search, Dictionary<string, bool> nameWords, string word)
    {
        var folded = Fold(word);
        if (!nameWords.TryGetValue(folded, out var isNameWord))
            nameWords[folded] = isNameWord = search.IsNameWord(word);
        return isNameWord;
    }

    /// <summary>Whether <paramref name="word"/> is one of the words of <paramref name="hit"/>'s name or its other spellings.</summary>
    internal static bool IsWordOf(PersonHit? hit, string word) => hit is not null && NameWords(hit).Contains(Fold(word));

    private static HashSet<string> NameWords(PersonHit hit) =>
        new[] { hit.Name }.Concat(hit.AlsoCreditedAs).SelectMany(Words).Select(Fold).ToHashSet(StringComparer.Ordinal);

    private static PersonHit? Lookup(ICreditsSearch search, Dictionary<string, PersonHit?> lookups, string run)
    {
        if (!lookups.TryGetValue(run, out var hit))
            lookups[run] = hit = search.FindPerson(run, limit: 1).Hits.FirstOrDefault();
        return hit;
    }

    /// <summary>
    /// Whether <paramref name="run"/> names the person found for it: at least two of its words are words of the name
    /// (the lookup drops filler such as "the" or "dr", so "the Long" is one name word, not two), and any other word is
    /// filler the lookup accepted (exact and all-words tiers) or the one slip of four letters or more (fuzzy tier).
    /// </summary>
    private static bool Names(IReadOnlyList<string> run, PersonHit hit)
    {
        if (hit.Tier is not (MatchTier.Exact or MatchTier.AllWords or MatchTier.Fuzzy))
            return false;
        var nameWords = NameWords(hit);
        var others = run.Select(Fold).Where(w => !nameWords.Contains(w)).ToList();
        var matched = run.Count - others.Count;
        if (hit.Tier == MatchTier.Fuzzy)
            return matched >= MinWords - 1 && others.Count == 1 && others[0].Length >= MinSlipLength;
        return matched >= MinWords || (others.Count == 0 && run.Count >= MinWords);
    }

    /// <summary>The text's clauses (split at punctuation other than name punctuation) as lists of words.</summary>
    private static IEnumerable<List<string>> Clauses(string text)
    {
        var clause = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || (word.Length > 0 && c is '-' or '\'' or '’' or '.'))
            {
                word.Append(c);
                continue;
            }
            EndWord(word, clause);
            if (!char.IsWhiteSpace(c) && clause.Count > 0)
            {
                yield return clause;
                clause = [];
            }
        }
        EndWord(word, clause);
        if (clause.Count > 0)
            yield return clause;
    }

    private static void EndWord(StringBuilder word, List<string> clause)
    {
        // A full stop ends a sentence unless it ends an initial ("J.").
        var text = word.ToString().TrimEnd('-', '\'', '’');
        if (text.EndsWith('.') && text.Length > 2)
            text = text.TrimEnd('.');
        if (text.Length > 0)
            clause.Add(text);
        word.Clear();
    }

    private static IEnumerable<string> Words(string name) =>
        name.Split([' ', '(', ')', '-', ','], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case without accents (Lucene's ASCII folding, as the index folds: "Łukasz" is "lukasz"), for
    /// comparing a word of the text with a word of a name.</summary>
    private static string Fold(string word)
    {
        var input = word.ToLowerInvariant().TrimEnd('.').ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}
