using System.Collections.Concurrent;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// What each shard last heard from Discord, for <c>/healthz</c> and Docker's HEALTHCHECK: a shard whose
/// heartbeats have gone unacknowledged for long is stuck, even if the process looks alive.
/// </summary>
public sealed class GatewayHealth(TimeProvider time)
{
    /// <summary>Longer than a few missed heartbeats (Discord's interval is about 41 s) plus a reconnect.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<int, ShardState> _shards = new();

    public void Starting(int shardId) => _shards.TryAdd(shardId, new ShardState(false, time.GetUtcNow()));

    /// <summary>READY or RESUMED: the session is live.</summary>
    public void SessionLive(int shardId) => _shards[shardId] = new ShardState(true, time.GetUtcNow());

    public void Acked(int shardId) => _shards.AddOrUpdate(shardId, _ => new ShardState(true, time.GetUtcNow()), (_, s) => s with { LastHeard = time.GetUtcNow() });

    public void Disconnected(int shardId) => _shards.AddOrUpdate(shardId, _ => new ShardState(false, time.GetUtcNow()), (_, s) => s with { Live = false });

    public IReadOnlyList<ShardHealth> Snapshot()
    {
        var now = time.GetUtcNow();
        return _shards.OrderBy(s => s.Key)
            .Select(s => new ShardHealth(s.Key, s.Value.Live, now - s.Value.LastHeard))
            .ToArray();
    }

    /// <summary>True unless some shard has heard nothing from Discord (no READY, no heartbeat ACK) for <see cref="StaleAfter"/>.</summary>
    public bool IsHealthy() => Snapshot().All(s => s.SinceLastHeard < StaleAfter);

    private sealed record ShardState(bool Live, DateTimeOffset LastHeard);
}

/// <param name="SinceLastHeard">Time since the last READY, RESUMED or heartbeat ACK (or since the shard started).</param>
public sealed record ShardHealth(int ShardId, bool Live, TimeSpan SinceLastHeard);
