using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Hands each INTERACTION_CREATE to the <see cref="IGatewayInteractionHandler"/> off the receive loop (a slow answer
/// must never delay heartbeat ACKs), a bounded number at once, and lets shutdown wait for the ones in flight.
/// </summary>
public sealed class GatewayInteractionQueue(
    IGatewayInteractionHandler handler,
    IOptions<GatewayClientOptions> options,
    ILogger<GatewayInteractionQueue> logger) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrentInteractions));
    private readonly CancellationTokenSource abandon = new();
    private readonly Lock gate = new();
    private int inFlight;
    private TaskCompletionSource? idle;

    /// <summary>Interactions received and not yet answered.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return inFlight;
            }
        }
    }

    /// <summary>Starts handling <paramref name="interaction"/> (which must outlive its frame: pass a clone) and returns at once.</summary>
    public void Dispatch(JsonElement interaction, int shardId)
    {
        lock (gate)
        {
            inFlight++;
        }

        _ = Task.Run(() => RunAsync(interaction, shardId));
    }

    /// <summary>
    /// Waits for every interaction in flight; past <paramref name="timeout"/> their handlers are cancelled and given a
    /// moment to unwind, so shutdown never hangs on one.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        Task pending;
        lock (gate)
        {
            if (inFlight == 0)
            {
                return;
            }

            idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pending = idle.Task;
        }

        logger.LogInformation("Waiting for {Count} interaction(s) in flight to be answered", InFlight);
        try
        {
            await pending.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{Count} interaction(s) still unanswered after {Timeout}; cancelling them", InFlight, timeout);
            await abandon.CancelAsync().ConfigureAwait(false);
            try
            {
                await pending.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                logger.LogWarning("{Count} interaction handler(s) ignored cancellation; leaving them behind", InFlight);
            }
        }
    }

    public void Dispose()
    {
        abandon.Dispose();
        slots.Dispose();
    }

    private async Task RunAsync(JsonElement interaction, int shardId)
    {
        try
        {
            await slots.WaitAsync(abandon.Token).ConfigureAwait(false);
            try
            {
                await handler.HandleAsync(interaction, shardId, abandon.Token).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
        catch (Exception ex)
        {
            // Only the id and type: the interaction also carries its reply token.
            logger.LogError(
                ex,
                "Shard {ShardId}: handling interaction {InteractionId} (type {InteractionType}) failed",
                shardId,
                Describe(interaction, "id"),
                Describe(interaction, "type"));
        }
        finally
        {
            lock (gate)
            {
                if (--inFlight == 0 && idle is not null)
                {
                    idle.TrySetResult();
                    idle = null;
                }
            }
        }
    }

    private static string Describe(JsonElement interaction, string property) =>
        interaction.ValueKind == JsonValueKind.Object && interaction.TryGetProperty(property, out var value)
            ? value.ToString()
            : "?";
}
