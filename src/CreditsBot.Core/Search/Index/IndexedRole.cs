using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Index;

/// <summary>One role text ("Long context co-lead") with its analysed words and every credit that carries it.</summary>
internal sealed class IndexedRole
{
    public required int Ordinal { get; init; }

    public required string Text { get; init; }

    /// <summary>Stemmed words, as the descriptive analyzer gives them.</summary>
    public required string[] Tokens { get; init; }

    /// <summary>Folded, unstemmed words (a slip can change a stem beyond recognition).</summary>
    public required string[] Words { get; init; }

    /// <summary>The credits with this role, in page order.</summary>
    public required List<RoleHolder> Holders { get; init; }
}

/// <summary>A person holding a role, with the credit that says so.</summary>
internal readonly record struct RoleHolder(IndexedPerson Person, CreditEntry Entry);
