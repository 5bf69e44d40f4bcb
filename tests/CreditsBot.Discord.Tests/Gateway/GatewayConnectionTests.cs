using System.Collections.Concurrent;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>A single <see cref="GatewayConnection"/> used directly, without the shard manager.</summary>
public sealed class GatewayConnectionTests
{
    private static GatewayConnection Connect(FakeGateway gateway, ConcurrentQueue<string> received, Func<double> jitter) => new(
        shardId: 0,
        shardCount: 1,
        gateway.GatewayUrl,
        FakeGateway.Token,
        new IdentifyGate(SessionStartLimit.Unknown, TimeSpan.Zero, refresh: null, NullLogger.Instance),
        (interaction, _) => received.Enqueue(interaction.GetProperty("id").GetString()!),
        GatewayHarness.FastOptions(),
        NullLogger.Instance,
        jitter);

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public async Task FirstHeartbeat_ComesAfterIntervalTimesJitter_NotAtHelloNorAfterAFullInterval(double jitter)
    {
        var interval = TimeSpan.FromMilliseconds(1200);
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello(heartbeatIntervalMs: (int)interval.TotalMilliseconds)
                .ExpectIdentify()
                .ExpectFirstHeartbeatBetween(interval * jitter - TimeSpan.FromMilliseconds(50), interval * jitter + TimeSpan.FromMilliseconds(250)));
        var received = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var run = Connect(gateway, received, () => jitter).RunAsync(stop.Token);

        await gateway.WaitForScriptsAsync();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task InteractionsReachTheCallback_AsDetachedCopies()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript().Hello().ExpectIdentify().Ready().Interaction("a").Interaction("b").ExpectHeartbeat(sequence: 3));
        var received = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var run = Connect(gateway, received, () => 0.1).RunAsync(stop.Token);

        await gateway.WaitForScriptsAsync();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["a", "b"], received);
    }
}
