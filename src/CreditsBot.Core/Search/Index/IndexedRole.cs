using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Index;

/// <summary>One role text ("Long context co-lead") with its analysed words and the people whose credits carry it.</summary>
internal sealed class IndexedRole
{
    public required int Ordinal { get; init; }

    public required string Text { get; init; }

    /// <summary>Stemmed words, as the descriptive analyzer gives them.</summary>
    public required string[] Tokens { get; init; }

    /// <summary>How many different stems <see cref="Tokens"/> has: what a query must cover to describe the role fully.</summary>
    public required int DistinctTokenCount { get; init; }

    /// <summary>Folded, unstemmed words (a slip can change a stem beyond recognition).</summary>
    public required string[] Words { get; init; }

    /// <summary>The ordinal of the person of each credit with this role, by document and then by ordinal: a walk over them reads one array.</summary>
    public required int[] Holders { get; init; }

    /// <summary>Where each document's credits lie in <see cref="Holders"/>.</summary>
    public required RoleDocumentRange[] Documents { get; init; }

    /// <summary>The part of <see cref="Holders"/> from one document, or all of it without a document.</summary>
    public ReadOnlySpan<int> HoldersIn(string? documentId)
    {
        if (documentId is null)
            return Holders;
        foreach (var range in Documents)
        {
            if (string.Equals(range.DocumentId, documentId, StringComparison.OrdinalIgnoreCase))
                return Holders.AsSpan(range.Start, range.Count);
        }
        return [];
    }
}

/// <summary>The credits of one document within a role's holders.</summary>
internal readonly record struct RoleDocumentRange(string DocumentId, int Start, int Count);

/// <summary>One credit of a person's that carries an indexed role: the role's ordinal and the credit.</summary>
internal readonly record struct RoleCredit(int Role, CreditEntry Credit);
