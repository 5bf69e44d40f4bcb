using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// One person as the index knows them: every spelling whose analysed form is identical (David Mély,
/// David Mélý) is one person; spellings that differ by an edit stay apart and become "also credited as".
/// </summary>
internal sealed class IndexedPerson
{
    public required int Ordinal { get; init; }

    /// <summary>The analysed full name ("lukasz kaiser"): stable, ≤ 100 characters, the autocomplete value.</summary>
    public required string Key { get; init; }

    /// <summary>The most frequent spelling as the pages write it.</summary>
    public required string Name { get; init; }

    /// <summary>Analysed name tokens in name order, parenthesised nicknames included.</summary>
    public required string[] Tokens { get; init; }

    /// <summary><see cref="Tokens"/> plus joined forms of hyphenated names (gontijo, lopes, gontijolopes).</summary>
    public required string[] SearchTokens { get; init; }

    /// <summary>Analysed forms that count as an exact match (full name; without the nickname; nickname + surname).</summary>
    public required string[] ExactKeys { get; init; }

    public required IReadOnlyList<CreditEntry> Credits { get; init; }
}
