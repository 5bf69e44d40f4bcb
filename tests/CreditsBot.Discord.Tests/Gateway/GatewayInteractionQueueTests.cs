using System.Diagnostics;
using System.Text.Json;
using CreditsBot.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewayInteractionQueueTests
{
    private static JsonElement Interaction(int id) => JsonDocument.Parse($$"""{"id":"{{id}}","type":2,"token":"t{{id}}"}""").RootElement.Clone();

    private static GatewayInteractionQueue Queue(IGatewayInteractionHandler handler, int workers, int queued = 256) => new(
        handler,
        Options.Create(new GatewayClientOptions { MaxConcurrentInteractions = workers, MaxQueuedInteractions = queued }),
        NullLogger<GatewayInteractionQueue>.Instance);

    private sealed class GatedHandler(Func<CancellationToken, Task> body) : IGatewayInteractionHandler
    {
        private int running;
        private int busy;

        public int MostAtOnce { get; private set; }

        public int Finished;

        public int Busy => Volatile.Read(ref busy);

        /// <summary>For each handled interaction: how long after its receipt the handler started.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan> StartedAfterReceipt { get; } = new();

        public async Task HandleAsync(ReceivedInteraction interaction, CancellationToken cancellationToken)
        {
            StartedAfterReceipt[interaction.Data.GetProperty("id").GetString()!] = TimeProvider.System.GetElapsedTime(interaction.ReceivedAt);
            var now = Interlocked.Increment(ref running);
            lock (this)
            {
                MostAtOnce = Math.Max(MostAtOnce, now);
            }

            try
            {
                await body(cancellationToken);
                Interlocked.Increment(ref Finished);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        public Task RejectBusyAsync(ReceivedInteraction interaction, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref busy);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Dispatch_ReturnsAtOnce_RunsABoundedNumberAtOnce_AndDrainWaitsForAll()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedHandler(_ => release.Task);
        using var queue = Queue(handler, workers: 2);

        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < 5; i++)
        {
            queue.Dispatch(Interaction(i), shardId: 0);
        }

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1), "Dispatch waited for the handler");
        Assert.Equal(5, queue.InFlight);
        // Wait (bounded) until two run, then leave room for a third to start if the bound were broken.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (handler.MostAtOnce < 2 && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(10);
        await Task.Delay(100);
        release.SetResult();
        await queue.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(5, handler.Finished);
        Assert.Equal(2, handler.MostAtOnce);
        Assert.Equal(0, handler.Busy);
        Assert.Equal(0, queue.InFlight);
    }

    [Fact]
    public async Task AFullQueue_AnswersTheRestBusyAtOnce_WithoutWaitingForAWorker()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedHandler(_ => release.Task);
        using var queue = Queue(handler, workers: 1, queued: 2);

        for (var i = 0; i < 8; i++)
        {
            queue.Dispatch(Interaction(i), shardId: 0);
        }

        // One runs (or is about to), two wait: at least five are told "busy" while every worker is still blocked.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (handler.Busy < 5 && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(10);
        Assert.InRange(handler.Busy, 5, 6);
        Assert.Equal(0, handler.Finished);

        release.SetResult();
        await queue.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(8, handler.Finished + handler.Busy); // each one answered, one way or the other
        Assert.Equal(0, queue.InFlight);
    }

    [Fact]
    public async Task TheDeadlineClock_StartsAtDispatch_NotWhenAWorkerTakesIt()
    {
        var handler = new GatedHandler(_ => Task.Delay(300));
        using var queue = Queue(handler, workers: 1);

        queue.Dispatch(Interaction(1), shardId: 0);
        queue.Dispatch(Interaction(2), shardId: 0);
        await queue.DrainAsync(TimeSpan.FromSeconds(10));

        // The second waited behind the first: its handler sees that wait as time already spent.
        Assert.True(handler.StartedAfterReceipt["2"] >= TimeSpan.FromMilliseconds(250), $"started {handler.StartedAfterReceipt["2"]} after receipt");
    }

    [Fact]
    public async Task Drain_PastItsTimeout_CancelsTheHandlers_AndReturns()
    {
        var handler = new GatedHandler(cancellationToken => Task.Delay(Timeout.Infinite, cancellationToken));
        using var queue = Queue(handler, workers: 32);
        queue.Dispatch(Interaction(1), shardId: 0);

        var started = Stopwatch.GetTimestamp();
        await queue.DrainAsync(TimeSpan.FromMilliseconds(200));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.InFlight);
        Assert.Equal(0, handler.Finished);
    }
}
