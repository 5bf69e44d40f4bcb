using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Analysis;

namespace CreditsBot.Cli;

/// <summary>
/// As-you-type suggestions over people and sections together (the batch verb's "autocomplete"): people and
/// sections whose name has a word beginning with the typed text first, then the looser matches of each.
/// </summary>
internal static class MixedChoices
{
    private const int Limit = 25;
    private static readonly FoldedWordsAnalyzer Folding = new();

    public static IReadOnlyList<AutocompleteChoice> Of(ICreditsSearch search, string text)
    {
        var people = search.Autocomplete(AutocompleteKind.Person, text);
        var sections = search.Autocomplete(AutocompleteKind.Section, text);
        var typed = Fold(text);
        bool Strong(AutocompleteChoice choice)
        {
            var name = Fold(choice.Name);
            return typed.Length > 0 && (name.StartsWith(typed, StringComparison.Ordinal) || name.Contains(" " + typed, StringComparison.Ordinal));
        }
        return people.Where(Strong)
            .Concat(sections.Where(Strong))
            .Concat(people.Where(c => !Strong(c)))
            .Concat(sections.Where(c => !Strong(c)))
            .Take(Limit)
            .ToList();
    }

    private static string Fold(string text) => string.Join(' ', AnalyzedText.Terms(Folding, text, 24));
}
