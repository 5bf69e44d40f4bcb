using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// Typo tolerance and prefixes for one query term. Lucene.Net's FuzzyQuery builds a Levenshtein automaton per query term,
/// which measured 0.5–15 ms here (longer terms, two edits); a names index has few terms per first letter, so
/// seeking to the first letter and checking each term with the same edit distance (transpositions count one)
/// is far cheaper. Fields with very many terms still use FuzzyQuery.
/// </summary>
internal static class TermExpansion
{
    /// <summary>Above this many terms in a field, FuzzyQuery's automaton beats a scan.</summary>
    public const long ScanLimit = 200_000;

    public const int MaxExpansions = 50;

    public static Query Fuzzy(IndexReader reader, string field, string term, int maxEdits, int prefixLength)
    {
        maxEdits = Math.Clamp(maxEdits, 0, 2);
        prefixLength = Math.Min(prefixLength, term.Length);
        if (maxEdits == 0)
            return QueryTerms.Term(field, term);
        if (TermCount(reader, field) > ScanLimit)
            return new FuzzyQuery(new Term(field, term), maxEdits, prefixLength, MaxExpansions, transpositions: true);

        var matches = Scan(reader, field, term, maxEdits, prefixLength);
        if (matches.Count == 0 && prefixLength > 0 && TermCount(reader, field) <= ScanLimit / 4)
            matches = Scan(reader, field, term, maxEdits, 0); // a slip on the first letter ("Vrockman")

        var query = new BooleanQuery();
        foreach (var (candidate, _) in matches.OrderBy(m => m.Edits).ThenBy(m => m.Term, StringComparer.Ordinal).Take(MaxExpansions))
            query.Add(QueryTerms.Term(field, candidate), Occur.SHOULD);
        if (query.Clauses.Count == 0)
            query.Add(QueryTerms.Term(field, term), Occur.SHOULD); // matches nothing new, keeps the query well-formed
        return query;
    }

    /// <summary>
    /// Terms whose beginning is within <paramref name="maxEdits"/> of <paramref name="typed"/> (a word still being
    /// typed), first letter kept: "kostan" finds konstantinidis.
    /// </summary>
    public static Query FuzzyPrefix(IndexReader reader, string field, string typed, int maxEdits)
    {
        maxEdits = Math.Clamp(maxEdits, 0, 2);
        if (maxEdits == 0 || typed.Length < 2)
            return Prefix(reader, field, typed);
        var matches = Scan(reader, field, typed, maxEdits, 1, beginning: true);
        // The first two letters swapped ("raun" for arun…): the one slip that moves the first letter.
        var swapped = $"{typed[1]}{typed[0]}{typed[2..]}";
        if (typed[0] != typed[1])
            matches.AddRange(Scan(reader, field, swapped, maxEdits, 2, beginning: true).Select(m => (m.Term, m.Edits + 1)));
        var query = new BooleanQuery();
        foreach (var (candidate, _) in matches.OrderBy(m => m.Edits).ThenBy(m => m.Term, StringComparer.Ordinal).DistinctBy(m => m.Term).Take(MaxExpansions))
            query.Add(QueryTerms.Term(field, candidate), Occur.SHOULD);
        if (query.Clauses.Count == 0)
            query.Add(QueryTerms.Term(field, typed), Occur.SHOULD);
        return query;
    }

    /// <summary>The terms within <paramref name="maxEdits"/> of <paramref name="term"/> (of its beginning when <paramref name="beginning"/>).</summary>
    private static List<(string Term, int Edits)> Scan(IndexReader reader, string field, string term, int maxEdits, int prefixLength, bool beginning = false)
    {
        var matches = new List<(string Term, int Edits)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prefix = new BytesRef(term[..prefixLength]);
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(field);
            if (terms is null)
                continue;
            var enumerator = terms.GetEnumerator();
            if (prefixLength > 0 ? enumerator.SeekCeil(prefix) == TermsEnum.SeekStatus.END : !enumerator.MoveNext())
                continue;
            do
            {
                var bytes = enumerator.Term;
                if (prefixLength > 0 && !StringHelper.StartsWith(bytes, prefix))
                    break;
                if (beginning ? bytes.Length < term.Length - maxEdits : Math.Abs(bytes.Length - term.Length) > maxEdits * 4)
                    continue; // cheap reject on UTF-8 length before decoding
                var candidate = bytes.Utf8ToString();
                if ((!beginning && Math.Abs(candidate.Length - term.Length) > maxEdits) || !seen.Add(candidate))
                    continue;
                var edits = beginning ? TextDistance.PrefixEdits(term, candidate, maxEdits) : TextDistance.Edits(term, candidate, maxEdits);
                if (edits <= maxEdits)
                    matches.Add((candidate, edits));
            }
            while (enumerator.MoveNext());
        }
        return matches;
    }

    /// <summary>Above this many terms sharing a prefix, PrefixQuery's own rewrite is used.</summary>
    public const int MaxPrefixExpansions = 64;

    /// <summary>
    /// Terms starting with <paramref name="prefix"/>: a seek and a short walk of the term dictionary, as a
    /// disjunction of term queries; PrefixQuery when the prefix is too common to list.
    /// </summary>
    public static Query Prefix(IndexReader reader, string field, string prefix)
    {
        var start = new BytesRef(prefix);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var enumerator = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
            if (enumerator is null || enumerator.SeekCeil(start) == TermsEnum.SeekStatus.END)
                continue;
            do
            {
                if (!StringHelper.StartsWith(enumerator.Term, start))
                    break;
                found.Add(enumerator.Term.Utf8ToString());
                if (found.Count > MaxPrefixExpansions)
                    return QueryTerms.Prefix(field, prefix);
            }
            while (enumerator.MoveNext());
        }
        var query = new BooleanQuery();
        foreach (var term in found)
            query.Add(QueryTerms.Term(field, term), Occur.SHOULD);
        if (query.Clauses.Count == 0)
            query.Add(QueryTerms.Term(field, prefix), Occur.SHOULD);
        return query;
    }

    private static long TermCount(IndexReader reader, string field)
    {
        long total = 0;
        foreach (var leaf in reader.Leaves)
        {
            var count = leaf.AtomicReader.GetTerms(field)?.Count ?? 0;
            if (count < 0)
                return long.MaxValue; // unknown: let FuzzyQuery handle it
            total += count;
        }
        return total;
    }
}
