using CreditsBot.Core.Model;
using CreditsBot.Core.Search;

namespace CreditsBot.Cli;

/// <summary>Readable answers of the lookup verbs.</summary>
internal static class LookupPrinter
{
    public static int Person(PersonResult result, TextWriter output)
    {
        if (result.Hits.Count == 0)
            return NoMatch("No credited person matches", result.Query, result.DidYouMean, output);
        var best = result.Hits[0];
        output.WriteLine($"{best.Name} ({Describe(best.Tier)}, {best.Credits.Count} credit{(best.Credits.Count == 1 ? "" : "s")})");
        foreach (var credit in best.Credits)
            output.WriteLine($"  {Place(credit)}{(credit.Role is null ? "" : " — " + credit.Role)}{(credit.Person == best.Name ? "" : $" (as {credit.Person})")}");
        if (best.AlsoCreditedAs.Count > 0)
            output.WriteLine($"  Also credited as (probably the same person): {string.Join(", ", best.AlsoCreditedAs)}");
        if (result.Hits.Count > 1)
            output.WriteLine($"Other matches: {string.Join(", ", result.Hits.Skip(1).Select(h => h.Name))}");
        return 0;
    }

    public static int Section(SectionResult result, TextWriter output)
    {
        if (result.Hits.Count == 0)
            return NoMatch("No section matches", result.Query, result.DidYouMean, output);
        var best = result.Hits[0];
        output.WriteLine($"{best.DisplayName} ({best.Section.Credits.Count} credited)");
        foreach (var credit in best.Section.Credits)
            output.WriteLine(credit.Role is null ? $"  {credit.Person}" : $"  {credit.Person} — {credit.Role}");
        if (result.Hits.Count > 1)
            output.WriteLine($"Other sections: {string.Join("; ", result.Hits.Skip(1).Take(5).Select(h => h.DisplayName))}");
        return 0;
    }

    public static int Role(RoleResult result, TextWriter output)
    {
        if (result.Hits.Count == 0)
            return NoMatch("No role matches", result.Query, result.DidYouMean, output);
        foreach (var hit in result.Hits)
        {
            output.WriteLine(hit.Person);
            foreach (var credit in hit.Credits)
                output.WriteLine($"  {credit.Role} ({Place(credit)})");
        }
        return 0;
    }

    private static int NoMatch(string what, string query, IReadOnlyList<string> suggestions, TextWriter output)
    {
        output.WriteLine($"{what} \"{query}\".");
        if (suggestions.Count > 0)
            output.WriteLine($"Did you mean: {string.Join("; ", suggestions)}?");
        return 1;
    }

    internal static string Place(CreditEntry credit) => Place(credit.Document, credit.Area, credit.Section);

    /// <summary>"Document › Area › Section", the area left out when the section only repeats it.</summary>
    internal static string Place(CreditsDocument document, CreditArea area, CreditSection section) =>
        area.Title == section.Title
            ? $"{document.Title} › {section.Title}"
            : $"{document.Title} › {area.Title} › {section.Title}";

    private static string Describe(MatchTier tier) => tier switch
    {
        MatchTier.Exact => "exact match",
        MatchTier.AllWords => "all words match",
        MatchTier.Prefix => "matched by word beginnings",
        _ => "close spelling",
    };
}
