using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Runs this process's shards side by side, sharing one identify gate (so fresh sessions respect
/// <c>max_concurrency</c> and the daily budget across all of them) and one interaction queue. A fatal close on
/// any shard stops them all.
/// </summary>
public sealed class GatewayShardManager(
    IGatewayBotInfoSource botInfo,
    GatewayInteractionQueue queue,
    IOptions<DiscordOptions> discordOptions,
    IOptions<GatewayClientOptions> clientOptions,
    ILoggerFactory loggerFactory,
    GatewayHealth? health = null,
    CreditsBotMetrics? metrics = null)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<GatewayShardManager>();
    private readonly ReconnectBackoff backoff = new(clientOptions.Value);

    /// <summary>Returns on cancellation, after every shard closed; throws <see cref="GatewayFatalException"/> when one cannot go on.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var discord = discordOptions.Value;
        var client = clientOptions.Value;
        if (string.IsNullOrWhiteSpace(discord.Token))
        {
            throw new GatewayFatalException("Discord:Token is missing: set Discord__Token to the bot token from the Developer Portal.");
        }

        var info = await GetBotInfoAsync(discord, stoppingToken).ConfigureAwait(false);
        if (info is null)
        {
            return;
        }

        var plan = GatewayShardPlan.From(discord, info);
        var limit = info.SessionStartLimit;
        var gate = new IdentifyGate(
            limit,
            client.IdentifyWindow,
            async ct => (await botInfo.GetAsync(ct).ConfigureAwait(false)).SessionStartLimit,
            logger);
        logger.LogInformation(
            "Starting gateway shards [{ShardIds}] of {ShardCount} on {Host} (identify budget {Remaining}/{Total}, max_concurrency {MaxConcurrency})",
            string.Join(", ", plan.ShardIds),
            plan.ShardCount,
            plan.GatewayUrl.Authority,
            limit.Remaining,
            limit.Total,
            limit.MaxConcurrency);

        using var allShards = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var runs = plan.ShardIds.Select(shardId => RunShardAsync(
            new GatewayConnection(
                shardId,
                plan.ShardCount,
                plan.GatewayUrl,
                discord.Token,
                gate,
                queue.Dispatch,
                client,
                loggerFactory.CreateLogger<GatewayConnection>(),
                new GatewayConnectionExtras { Health = health, Metrics = metrics }),
            allShards)).ToArray();
        await Task.WhenAll(runs).ConfigureAwait(false);
    }

    private static async Task RunShardAsync(GatewayConnection connection, CancellationTokenSource allShards)
    {
        try
        {
            await connection.RunAsync(allShards.Token).ConfigureAwait(false);
        }
        catch
        {
            // The others close cleanly; the exception still reaches the caller through WhenAll.
            await allShards.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Discord's answer to GET /gateway/bot, retried with backoff. With Discord:GatewayUrl set the bot does not
    /// depend on it: after one failure it goes on with the configured URL, one identify at a time and the usual
    /// daily budget (a proxy or test gateway may not serve the REST route).
    /// </summary>
    private async Task<GatewayBotInfo?> GetBotInfoAsync(DiscordOptions discord, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await botInfo.GetAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex) when (ex is not GatewayFatalException && !string.IsNullOrWhiteSpace(discord.GatewayUrl))
            {
                logger.LogWarning("GET /gateway/bot failed ({Error}); going on with Discord:GatewayUrl and the default identify budget", ex.Message);
                return new GatewayBotInfo(discord.GatewayUrl, Math.Max(1, discord.ShardCount), new SessionStartLimit(1000, 1000, TimeSpan.FromHours(24), 1));
            }
            catch (Exception ex) when (ex is not GatewayFatalException)
            {
                var delay = backoff.After(attempt);
                logger.LogWarning("GET /gateway/bot failed ({Error}); retrying in {DelayMs} ms", ex.Message, (int)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }
}
