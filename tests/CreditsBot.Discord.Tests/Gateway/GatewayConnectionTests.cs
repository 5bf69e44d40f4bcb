using System.Collections.Concurrent;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>A single <see cref="GatewayConnection"/> used directly, without the shard manager.</summary>
public sealed class GatewayConnectionTests
{
    private static GatewayConnection Connect(
        FakeGateway gateway, ConcurrentQueue<string> received, Func<double> jitter, Func<IGatewaySocket>? sockets = null) => new(
        shardId: 0,
        shardCount: 1,
        gateway.GatewayUrl,
        FakeGateway.Token,
        new IdentifyGate(SessionStartLimit.Unknown, TimeSpan.Zero, refresh: null, NullLogger.Instance),
        (interaction, _) => received.Enqueue(interaction.GetProperty("id").GetString()!),
        GatewayHarness.FastOptions(),
        NullLogger.Instance,
        new GatewayConnectionExtras { Jitter = jitter, SocketFactory = sockets });

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public async Task FirstHeartbeat_ComesAfterIntervalTimesJitter_NotAtHelloNorAfterAFullInterval(double jitter)
    {
        // An interval long enough that "after interval × jitter" and "after a full interval" stay apart by more than
        // a loaded machine's scheduling delay: the heartbeat must come before the midpoint between the two.
        var interval = TimeSpan.FromMilliseconds(4000);
        var expected = interval * jitter;
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello(heartbeatIntervalMs: (int)interval.TotalMilliseconds)
                .ExpectIdentify()
                .ExpectFirstHeartbeatBetween(expected - TimeSpan.FromMilliseconds(50), expected + (interval - expected) / 2));
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

    [Fact]
    public async Task Shutdown_WaitsForItsCloseFrame_BeforeTheSocketIsDisposed()
    {
        await using var gateway = await FakeGateway.StartAsync(new GatewayScript().Hello().ExpectIdentify().Ready());
        var sockets = new ConcurrentQueue<SlowClosingSocket>();
        using var stop = new CancellationTokenSource();
        var run = Connect(gateway, new ConcurrentQueue<string>(), () => 0.5, () =>
        {
            var socket = new SlowClosingSocket(new ClientGatewaySocket(), TimeSpan.FromMilliseconds(300));
            sockets.Enqueue(socket);
            return socket;
        }).RunAsync(stop.Token);
        await gateway.WaitForScriptsAsync();

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));

        // The peer answers the close at once, so the receive loop ends first; the close call must still be awaited.
        var socket = Assert.Single(sockets);
        Assert.True(socket.CloseReturned, "the connection returned (and disposed its socket) while its shutdown close still ran");
        Assert.False(socket.UsedAfterDispose, "the socket was used after it was disposed");
        Assert.Equal(1000, Assert.Single(gateway.Connections).ClientCloseCode);
    }

    /// <summary>A real socket whose close call returns late, after the peer's answer has already arrived.</summary>
    private sealed class SlowClosingSocket(IGatewaySocket inner, TimeSpan lag) : IGatewaySocket
    {
        private volatile bool disposed;

        public bool CloseReturned { get; private set; }

        public bool UsedAfterDispose { get; private set; }

        public System.Net.WebSockets.WebSocketState State => Touch(inner).State;

        public System.Net.WebSockets.WebSocketCloseStatus? CloseStatus => Touch(inner).CloseStatus;

        public string? CloseStatusDescription => Touch(inner).CloseStatusDescription;

        public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => Touch(inner).ConnectAsync(url, cancellationToken);

        public ValueTask<System.Net.WebSockets.ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
            Touch(inner).ReceiveAsync(buffer, cancellationToken);

        public ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => Touch(inner).SendAsync(payload, cancellationToken);

        public async Task CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
        {
            await Touch(inner).CloseOutputAsync(status, description, cancellationToken);
            await Task.Delay(lag, CancellationToken.None);
            CloseReturned = !disposed;
        }

        public void Abort() => inner.Abort();

        public void Dispose()
        {
            disposed = true;
            inner.Dispose();
        }

        private IGatewaySocket Touch(IGatewaySocket socket)
        {
            UsedAfterDispose |= disposed;
            return socket;
        }
    }
}
