using CreditsBot.Discord.Configuration;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Which shards this process runs. Discord routes a guild's events to shard <c>(guild_id &gt;&gt; 22) % shard_count</c>
/// (DMs go to shard 0), so every process of one bot must agree on the count and together run every id once.
/// </summary>
public sealed record GatewayShardPlan(int ShardCount, IReadOnlyList<int> ShardIds, Uri GatewayUrl)
{
    /// <summary>Configuration first (Discord__ShardCount, Discord__ShardIds, Discord__GatewayUrl), then Discord's recommendation.</summary>
    public static GatewayShardPlan From(DiscordOptions options, GatewayBotInfo info)
    {
        var count = options.ShardCount > 0 ? options.ShardCount : Math.Max(1, info.Shards);
        var ids = options.ShardIds.Count > 0 ? options.ShardIds.ToArray() : Enumerable.Range(0, count).ToArray();
        var outOfRange = ids.Where(id => id < 0 || id >= count).ToArray();
        if (outOfRange.Length > 0)
        {
            throw new GatewayFatalException(
                $"Discord__ShardIds lists {string.Join(", ", outOfRange)}, outside 0..{count - 1} for a shard count of {count} "
                + $"({(options.ShardCount > 0 ? "Discord__ShardCount" : "Discord's recommendation")}): fix Discord__ShardIds "
                + "or set Discord__ShardCount.");
        }

        var url = string.IsNullOrWhiteSpace(options.GatewayUrl) ? info.Url : options.GatewayUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var gatewayUrl) || gatewayUrl.Scheme is not ("wss" or "ws"))
        {
            throw new GatewayFatalException(
                $"The gateway URL '{url}' is not a ws:// or wss:// URL: fix Discord__GatewayUrl or leave it empty to ask Discord.");
        }

        return new GatewayShardPlan(count, ids.Distinct().Order().ToArray(), gatewayUrl);
    }
}
