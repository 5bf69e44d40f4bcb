using System.Globalization;
using System.Text;
using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

/// <summary>One line of labelled-queries.tsv: what is asked, and the answer a user expects on top.</summary>
internal sealed record LabelledQuery(int Line, string Kind, string Query, string Expected, string Case)
{
    public static IReadOnlyList<LabelledQuery> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Search", "labelled-queries.tsv");
        var queries = new List<LabelledQuery>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
                continue;
            var fields = lines[i].Split('\t');
            if (fields.Length != 4)
                throw new FormatException($"labelled-queries.tsv:{i + 1}: expected 4 tab-separated fields");
            queries.Add(new LabelledQuery(i + 1, fields[0], Unescape(fields[1]), fields[2], fields[3]));
        }
        return queries;
    }

    /// <summary>The ranked answer names the bot would show for this query.</summary>
    public IReadOnlyList<string> Answers(ICreditsSearch search) => Kind switch
    {
        "person" => search.FindPerson(Query).Hits.Select(h => h.Name).ToList(),
        "role" => search.FindRole(Query).Hits.Select(h => h.Person).ToList(),
        "section" => search.FindSection(Query).Hits.Select(h => h.DisplayName).ToList(),
        "autocomplete" => search.Autocomplete(AutocompleteKind.Person, Query).Select(c => c.Name).ToList(),
        "autocomplete-section" => search.Autocomplete(AutocompleteKind.Section, Query).Select(c => c.Name).ToList(),
        _ => throw new FormatException($"labelled-queries.tsv:{Line}: unknown kind {Kind}"),
    };

    /// <summary>The 1-based rank of the expected answer, 0 when it is missing; "-" is right only when nothing is answered.</summary>
    public int RankIn(IReadOnlyList<string> answers)
    {
        if (Expected == "-")
            return answers.Count == 0 ? 1 : 0;
        for (var i = 0; i < answers.Count; i++)
        {
            var right = Expected.StartsWith('~')
                ? answers[i].Contains(Expected[1..], StringComparison.OrdinalIgnoreCase)
                : answers[i] == Expected;
            if (right)
                return i + 1;
        }
        return 0;
    }

    private static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length + 0 && text[i + 1] == 'u')
            {
                builder.Append((char)int.Parse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }
}
