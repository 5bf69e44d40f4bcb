using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Hands each INTERACTION_CREATE to the <see cref="IGatewayInteractionHandler"/> off the receive loop (a slow answer
/// must never delay heartbeat ACKs): a bounded queue in front of a fixed number of workers. Each interaction carries
/// the moment it was received, so the handler measures Discord's deadline from there, not from when a worker was
/// free; when the queue is full the interaction is answered "busy" at once. Shutdown waits for the ones in flight.
/// </summary>
public sealed class GatewayInteractionQueue : IDisposable
{
    private readonly IGatewayInteractionHandler handler;
    private readonly ILogger<GatewayInteractionQueue> logger;
    private readonly TimeProvider time;
    private readonly Channel<ReceivedInteraction> queue;
    private readonly CancellationTokenSource abandon = new();
    private readonly Lock gate = new();
    private int inFlight;
    private TaskCompletionSource? idle;

    public GatewayInteractionQueue(
        IGatewayInteractionHandler handler,
        IOptions<GatewayClientOptions> options,
        ILogger<GatewayInteractionQueue> logger,
        TimeProvider? time = null)
    {
        this.handler = handler;
        this.logger = logger;
        this.time = time ?? TimeProvider.System;
        queue = Channel.CreateBounded<ReceivedInteraction>(new BoundedChannelOptions(Math.Max(1, options.Value.MaxQueuedInteractions))
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: "full" is reported, nothing is dropped silently
        });
        for (var i = 0; i < Math.Max(1, options.Value.MaxConcurrentInteractions); i++)
        {
            _ = Task.Run(WorkAsync);
        }
    }

    /// <summary>Interactions received and not yet answered (queued or being answered).</summary>
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

    /// <summary>Queues <paramref name="interaction"/> (which must outlive its frame: pass a clone) and returns at once.</summary>
    public void Dispatch(JsonElement interaction, int shardId)
    {
        var received = new ReceivedInteraction(interaction, shardId, time.GetTimestamp());
        lock (gate)
        {
            inFlight++;
        }

        if (!queue.Writer.TryWrite(received))
        {
            _ = RunAsync(received, busy: true);
        }
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

    /// <summary>
    /// Stops the workers and cancels what still runs. The token source is cancelled, not disposed: a handler that
    /// is still unwinding may read its token.
    /// </summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        abandon.Cancel();
    }

    private async Task WorkAsync()
    {
        await foreach (var received in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            await RunAsync(received, busy: false).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(ReceivedInteraction received, bool busy)
    {
        try
        {
            var token = abandon.Token;
            if (busy)
            {
                logger.LogWarning("Shard {ShardId}: interaction queue full; answering {InteractionId} busy", received.ShardId, Describe(received.Data, "id"));
                await handler.RejectBusyAsync(received, token).ConfigureAwait(false);
            }
            else
            {
                await handler.HandleAsync(received, token).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Only the id and type: the interaction also carries its reply token.
            logger.LogError(
                ex,
                "Shard {ShardId}: handling interaction {InteractionId} (type {InteractionType}) failed",
                received.ShardId,
                Describe(received.Data, "id"),
                Describe(received.Data, "type"));
        }
        finally
        {
            Finished();
        }
    }

    private void Finished()
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

    private static string Describe(JsonElement interaction, string property) =>
        interaction.ValueKind == JsonValueKind.Object && interaction.TryGetProperty(property, out var value)
            ? value.ToString()
            : "?";
}
