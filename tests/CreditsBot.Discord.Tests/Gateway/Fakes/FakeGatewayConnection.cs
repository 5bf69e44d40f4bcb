using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>
/// One client socket on the fake gateway. A reader answers heartbeats (unless told to stop) and queues every other
/// client payload for the script's Expect steps.
/// </summary>
internal sealed class FakeGatewayConnection
{
    private readonly HttpContext context;
    private readonly WebSocket socket;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Channel<JsonElement> payloads = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<long?> heartbeats = Channel.CreateUnbounded<long?>();
    private readonly TaskCompletionSource clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool acking = true;
    private volatile bool answeringClose = true;

    public FakeGatewayConnection(FakeGateway gateway, int index, HttpContext context, WebSocket socket)
    {
        Gateway = gateway;
        Index = index;
        this.context = context;
        this.socket = socket;
        Path = context.Request.Path.Value ?? string.Empty;
        Query = context.Request.QueryString.Value ?? string.Empty;
    }

    public FakeGateway Gateway { get; }

    public int Index { get; }

    /// <summary>The path the client connected to: /gateway (fresh sessions) or /resume (READY's resume_gateway_url).</summary>
    public string Path { get; }

    public string Query { get; }

    /// <summary>The shard pair's id from this socket's IDENTIFY, if any.</summary>
    public int? Shard { get; set; }

    public FakeGatewaySession? Session { get; set; }

    /// <summary>The close code of the client's close frame; null if it vanished without one (abort) or is still here.</summary>
    public int? ClientCloseCode { get; private set; }

    public bool ClientSentCloseFrame { get; private set; }

    public Task ClientGone => clientGone.Task;

    public long ClientGoneAt { get; private set; }

    public long? HelloSentAt { get; set; }

    public long? FirstHeartbeatAt { get; private set; }

    public void StopAcking() => acking = false;

    /// <summary>Plays a dead peer on shutdown: the client's close frame gets no answer and the TCP connection stays up.</summary>
    public void StopAnsweringClose() => answeringClose = false;

    public bool AnswersClose => answeringClose;

    public async Task SendAsync(string frame)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    public async Task CloseAsync(int code)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake gateway", CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Cuts the TCP connection without a close frame.</summary>
    public void Drop() => context.Abort();

    public async Task<JsonElement> NextPayloadAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await payloads.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"connection #{Index}: no client payload within {timeout}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"connection #{Index}: the client left instead of sending a payload");
        }
    }

    public async Task<long?> NextHeartbeatAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await heartbeats.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"connection #{Index}: no heartbeat within {timeout}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"connection #{Index}: the client left instead of sending a heartbeat");
        }
    }

    /// <summary>
    /// Acknowledges a heartbeat. A heartbeat the client sent before it read our close frame crosses that frame: the
    /// socket no longer sends, and the client's answer to the close is still to be read.
    /// </summary>
    private async Task AckAsync()
    {
        try
        {
            await SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
        }
        catch (WebSocketException) when (socket.State is WebSocketState.CloseSent)
        {
        }
    }

    public async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientSentCloseFrame = true;
                    ClientCloseCode = (int?)result.CloseStatus;
                    if (answeringClose && socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseAsync((int)(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure)).ConfigureAwait(false);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var payload = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                message.SetLength(0);
                if (payload.GetProperty("op").GetInt32() == 1)
                {
                    FirstHeartbeatAt ??= System.Diagnostics.Stopwatch.GetTimestamp();
                    var d = payload.GetProperty("d");
                    heartbeats.Writer.TryWrite(d.ValueKind == JsonValueKind.Number ? d.GetInt64() : null);
                    if (acking)
                    {
                        await AckAsync();
                    }
                }
                else
                {
                    payloads.Writer.TryWrite(payload);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client vanished without a close frame (abort) or we dropped it.
        }
        finally
        {
            ClientGoneAt = System.Diagnostics.Stopwatch.GetTimestamp();
            payloads.Writer.TryComplete();
            heartbeats.Writer.TryComplete();
            clientGone.TrySetResult();
        }
    }
}
