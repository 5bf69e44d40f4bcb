using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace CreditsBot.Core.Search;

/// <summary>A person named in a text: who, and the words that named them.</summary>
public sealed record PersonMention(PersonHit Person, string Words);

/// <summary>
/// Finds the people a text names, using the person lookup itself: runs of two to four words within a clause are
/// looked up, longest accepted first. A run counts when the lookup matched every word as a whole word (exact,
/// all words), or, in its fuzzy tier, when all words but one are words of the name and the one slip is in a word
/// of four letters or more. A prefix match ("Greg Brock") or a single word ("Greg") never counts.
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
        foreach (var clause in Clauses(text.Length > MaxTextLength ? text[..MaxTextLength] : text))
        {
            for (var start = 0; start + MinWords <= clause.Count && found.Count < limit;)
            {
                var (length, hit) = LongestName(search, clause, start);
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

    /// <summary>The longest run from <paramref name="start"/> that names a person. A run nobody matches ends the search
    /// there, since every word of a longer run would have to match too.</summary>
    private static (int Length, PersonHit? Hit) LongestName(ICreditsSearch search, IReadOnlyList<string> words, int start)
    {
        (int, PersonHit?) best = (0, null);
        for (var length = MinWords; length <= MaxWords && start + length <= words.Count; length++)
        {
            var run = words.Skip(start).Take(length).ToList();
            var hits = search.FindPerson(string.Join(' ', run), limit: 1).Hits;
            if (hits.Count == 0)
                break;
            if (Names(run, hits[0]))
                best = (length, hits[0]);
        }
        return best;
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
        var nameWords = new[] { hit.Name }.Concat(hit.AlsoCreditedAs).SelectMany(Words).Select(Fold).ToHashSet(StringComparer.Ordinal);
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
