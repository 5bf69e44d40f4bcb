namespace CreditsBot.Core.Search.Indexing;

/// <summary>What one look at the seed folders did.</summary>
public enum IndexRefresh
{
    /// <summary>The inputs are those of the index already serving.</summary>
    Unchanged,

    /// <summary>A new index was built and swapped in.</summary>
    Rebuilt,

    /// <summary>An on-disk index of the same inputs was reopened without rebuilding.</summary>
    Reopened,

    /// <summary>The pages could not be imported or indexed; the previous index (if any) keeps serving.</summary>
    Failed,
}
