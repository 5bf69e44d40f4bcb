using System.Diagnostics;
using System.Text.Json;
using CreditsBot.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewayInteractionDispatcherTests
{
    private static JsonElement Interaction(int id) => JsonDocument.Parse($$"""{"id":"{{id}}","type":2,"token":"t{{id}}"}""").RootElement.Clone();

    private sealed class GatedHandler(Func<CancellationToken, Task> body) : IGatewayInteractionHandler
    {
        private int running;

        public int MostAtOnce { get; private set; }

        public int Finished;

        public async Task HandleAsync(JsonElement interaction, int shardId, CancellationToken cancellationToken)
        {
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
    }

    [Fact]
    public async Task Dispatch_ReturnsAtOnce_RunsABoundedNumberAtOnce_AndDrainWaitsForAll()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new GatedHandler(_ => release.Task);
        using var queue = new GatewayInteractionQueue(
            handler, Options.Create(new GatewayClientOptions { MaxConcurrentInteractions = 2 }), NullLogger<GatewayInteractionQueue>.Instance);

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
        Assert.Equal(0, queue.InFlight);
    }

    [Fact]
    public async Task Drain_PastItsTimeout_CancelsTheHandlers_AndReturns()
    {
        var handler = new GatedHandler(cancellationToken => Task.Delay(Timeout.Infinite, cancellationToken));
        using var queue = new GatewayInteractionQueue(
            handler, Options.Create(new GatewayClientOptions()), NullLogger<GatewayInteractionQueue>.Instance);
        queue.Dispatch(Interaction(1), shardId: 0);

        var started = Stopwatch.GetTimestamp();
        await queue.DrainAsync(TimeSpan.FromMilliseconds(200));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2));
        Assert.Equal(0, queue.InFlight);
        Assert.Equal(0, handler.Finished);
    }
}
