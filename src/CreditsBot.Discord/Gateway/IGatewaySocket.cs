using System.Net.WebSockets;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// The few WebSocket operations the gateway protocol needs, so the protocol can be driven without a network
/// (tests) and the real socket stays a thin adapter.
/// </summary>
internal interface IGatewaySocket : IDisposable
{
    WebSocketState State { get; }

    /// <summary>The peer's close code once its close frame arrived.</summary>
    WebSocketCloseStatus? CloseStatus { get; }

    string? CloseStatusDescription { get; }

    Task ConnectAsync(Uri url, CancellationToken cancellationToken);

    ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Sends one whole text message.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Sends a close frame (answering the peer's, or starting the handshake) without waiting for the answer.</summary>
    Task CloseOutputAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once; safe to call more than once and after disposal.</summary>
    void Abort();
}

/// <summary>The real socket: a <see cref="ClientWebSocket"/> without WebSocket keep-alives (heartbeats are the liveness check).</summary>
internal sealed class ClientGatewaySocket : IGatewaySocket
{
    private readonly ClientWebSocket socket = new();

    public ClientGatewaySocket() => socket.Options.KeepAliveInterval = TimeSpan.Zero;

    public WebSocketState State => socket.State;

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseStatusDescription => socket.CloseStatusDescription;

    public Task ConnectAsync(Uri url, CancellationToken cancellationToken) => socket.ConnectAsync(url, cancellationToken);

    public ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, cancellationToken);

    public ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public Task CloseOutputAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken) =>
        socket.CloseOutputAsync(status, description, cancellationToken);

    public void Abort()
    {
        try
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => socket.Dispose();
}
