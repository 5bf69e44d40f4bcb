using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Index;

/// <summary>One credit that carries a role, with its analysed role tokens.</summary>
internal sealed class IndexedRole
{
    public required int Ordinal { get; init; }

    public required IndexedPerson Person { get; init; }

    public required CreditEntry Entry { get; init; }

    public required string[] Tokens { get; init; }
}
