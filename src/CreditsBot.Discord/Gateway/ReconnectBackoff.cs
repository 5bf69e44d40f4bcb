namespace CreditsBot.Discord.Gateway;

/// <summary>
/// The gateway's one retry policy, for reconnects and for <c>GET /gateway/bot</c>: exponential from
/// <see cref="GatewayClientOptions.ReconnectBaseDelay"/>, capped at <see cref="GatewayClientOptions.ReconnectMaxDelay"/>,
/// with "equal jitter" (half the step fixed, half random) so that shards restarted together spread out.
/// </summary>
internal sealed class ReconnectBackoff(GatewayClientOptions options, Func<double>? random = null)
{
    private readonly Func<double> random = random ?? Random.Shared.NextDouble;

    /// <summary>The wait before the next attempt after <paramref name="failuresInARow"/> failures (0 for the first retry).</summary>
    public TimeSpan After(int failuresInARow)
    {
        var step = Math.Min(
            options.ReconnectMaxDelay.TotalMilliseconds,
            options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failuresInARow, 0, 30)));
        return TimeSpan.FromMilliseconds(step * (0.5 + (random() / 2)));
    }

    /// <summary>A uniformly random wait in [<paramref name="min"/>, <paramref name="max"/>] (op 9's 1–5 s).</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        max <= min ? min : min + ((max - min) * random());
}
