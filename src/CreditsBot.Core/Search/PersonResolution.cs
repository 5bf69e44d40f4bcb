namespace CreditsBot.Core.Search;

/// <summary>
/// The rule that turns a ranked person result into one answer: the top hit when it is clearly more plausible
/// than the next one (a better tier, or at least <see cref="ClearMargin"/> more score), or when the next one is
/// another spelling of the same person ("also credited as"); otherwise a toss-up, and no answer.
/// </summary>
public static class PersonResolution
{
    /// <summary>A score lead this large is more than credits and word order can give: another word matched better.</summary>
    public const double ClearMargin = 1.0;

    public static PersonHit? Resolve(PersonResult result)
    {
        var hits = result.Hits;
        if (hits.Count == 0)
            return null;
        if (hits.Count == 1)
            return hits[0];
        var (top, next) = (hits[0], hits[1]);
        var clear = top.Tier > next.Tier
            || top.Score - next.Score >= ClearMargin
            || top.AlsoCreditedAs.Contains(next.Name, StringComparer.Ordinal);
        return clear ? top : null;
    }
}
