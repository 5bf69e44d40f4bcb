namespace CreditsBot.Core.Search.Indexing;

/// <summary>
/// How one credits page fared in the latest import: indexed, or rejected with the first problem (and whether
/// its last good version is still served). For <c>/healthz</c> and <c>/credits about</c>.
/// </summary>
/// <param name="Page">The page's file name.</param>
/// <param name="Problem">Null when indexed; otherwise the first problem, with its place and reason.</param>
/// <param name="ProblemCount">How many problems the page has (0 when indexed).</param>
/// <param name="OlderVersionServed">True when the page is rejected but its last good version keeps serving.</param>
public sealed record PageStatus(string Page, string? Problem, int ProblemCount, bool OlderVersionServed)
{
    public bool Indexed => Problem is null;

    /// <summary>"indexed", "rejected (an older version is served)" or "rejected".</summary>
    public string State => Indexed ? "indexed" : OlderVersionServed ? "rejected (an older version is served)" : "rejected";
}
