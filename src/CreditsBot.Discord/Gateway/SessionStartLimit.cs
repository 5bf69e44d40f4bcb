namespace CreditsBot.Discord.Gateway;

/// <summary>
/// The identify budget of <c>GET /gateway/bot</c>. Burning through <see cref="Remaining"/> makes Discord reset the
/// bot token, so fresh sessions wait for <see cref="ResetAfter"/> instead.
/// </summary>
/// <param name="Total">Identifies allowed per day.</param>
/// <param name="Remaining">Identifies left in the current day.</param>
/// <param name="ResetAfter">Time until <see cref="Remaining"/> is refilled.</param>
/// <param name="MaxConcurrency">Identifies allowed per 5 s, one per bucket (<c>shard_id % max_concurrency</c>).</param>
public sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency)
{
    /// <summary>What we assume when Discord could not be asked: one identify at a time, budget unknown (not enforced).</summary>
    public static SessionStartLimit Unknown { get; } = new(1000, 1000, TimeSpan.FromDays(1), 1);
}
