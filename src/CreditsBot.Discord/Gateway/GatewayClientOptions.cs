namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Timings of the gateway client (section "Discord:Gateway"). The defaults follow Discord's documentation; tests
/// shorten them so that every reconnect path runs in milliseconds.
/// </summary>
public sealed class GatewayClientOptions
{
    public const string SectionName = "Discord:Gateway";

    /// <summary>Identifies allowed per bucket per window: Discord counts <c>max_concurrency</c> per 5 s.</summary>
    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Lower bound of the random wait after op 9 INVALID_SESSION (the docs used to say 1–5 s).</summary>
    public TimeSpan InvalidSessionMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First step of the exponential backoff after a drop or a failed connect; doubled per failure in a row.</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long opening the socket and receiving HELLO may take before we count it as a failed attempt.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long we wait for the peer to answer our close frame before aborting the socket.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long shutdown waits for in-flight interactions before cancelling their handlers.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Interaction handlers running at once, over all shards of this process.</summary>
    public int MaxConcurrentInteractions { get; set; } = 32;

    /// <summary>Interactions waiting for a handler; when all these places are taken, a new one is answered "busy" at once.</summary>
    public int MaxQueuedInteractions { get; set; } = 256;

    /// <summary>Events one connection may send per <see cref="SendWindow"/> (Discord: 120 per 60 s).</summary>
    public int SendLimit { get; set; } = 120;

    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Slots of <see cref="SendLimit"/> that only heartbeats may use, so a burst never starves them.</summary>
    public int HeartbeatReserve { get; set; } = 3;
}
