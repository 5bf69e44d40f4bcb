using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Soak;

/// <summary>
/// Discord played on 127.0.0.1: REST (GET /gateway/bot, interaction callbacks and @original edits, slow and with a
/// 429 now and then) and a gateway whose sessions keep every dispatch, so RESUME replays what a dropped socket lost.
/// The soak's chaos calls <see cref="DisruptAsync"/> on the live socket.
/// </summary>
internal sealed class FakeDiscord : IAsyncDisposable
{
    public const int HeartbeatIntervalMs = 2000;

    private readonly WebApplication app;
    private readonly Ledger ledger;
    private readonly ConcurrentDictionary<string, Session> sessions = new();
    private readonly ConcurrentDictionary<string, byte> rateLimitedOnce = new();
    private readonly ConcurrentDictionary<string, int> counters = new();
    private readonly SemaphoreSlim order = new(1, 1); // a dispatch never slips in after a disruption of its socket
    private volatile Connection? live;
    private int sessionCount;

    private FakeDiscord(Ledger ledger)
    {
        this.ledger = ledger;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.UseWebSockets();
        app.Run(HandleAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What happened on the fake's side: identifies, resumes, RESUMED, close codes seen, chaos actions, 429s.</summary>
    public IReadOnlyDictionary<string, int> Counters => counters;

    public bool HasLiveSession => live is { Ready: true };

    public static async Task<FakeDiscord> StartAsync(Ledger ledger)
    {
        var fake = new FakeDiscord(ledger);
        await fake.app.StartAsync();
        fake.BaseUrl = new Uri(fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    /// <summary>Sends INTERACTION_CREATE on the live session; false when no session is live right now.</summary>
    public async Task<bool> DispatchAsync(string id, JsonObject interaction)
    {
        await order.WaitAsync();
        try
        {
            var connection = live;
            if (connection is not { Ready: true, Session: { } session })
            {
                return false;
            }

            ledger.Sent(id, "gateway");
            var frame = session.Record("INTERACTION_CREATE", interaction);
            await connection.TrySendAsync(frame);
            return true;
        }
        finally
        {
            order.Release();
        }
    }

    /// <summary>The disruptions, in the order the soak cycles through them (each one as often as the others).</summary>
    public static readonly string[] Disruptions = ["drop", "op7", "zombie", "op9-resumable", "close-4000", "op9-new-session"];

    /// <summary>One disruption of the live socket, as Discord does now and then; false when no session is live.</summary>
    public async Task<bool> DisruptAsync(string kind)
    {
        await order.WaitAsync();
        try
        {
            return await DisruptLiveAsync(kind);
        }
        finally
        {
            order.Release();
        }
    }

    private async Task<bool> DisruptLiveAsync(string kind)
    {
        var connection = live;
        if (connection is not { Ready: true })
        {
            return false;
        }

        Count("chaos " + kind);
        Console.WriteLine($"chaos {kind} at {TimeSpan.FromSeconds((double)System.Diagnostics.Stopwatch.GetTimestamp() / System.Diagnostics.Stopwatch.Frequency):hh\\:mm\\:ss\\.fff} uptime");
        switch (kind)
        {
            case "drop":
                live = null;
                connection.Context.Abort();
                break;
            case "zombie":
                connection.Acking = false;
                break;
            case "op7":
                live = null;
                await connection.TrySendAsync("""{"op":7,"d":null,"s":null,"t":null}""");
                break;
            case "op9-resumable":
                live = null;
                await connection.TrySendAsync("""{"op":9,"d":true,"s":null,"t":null}""");
                break;
            case "op9-new-session":
                live = null;
                sessions.TryRemove(connection.Session!.Id, out _);
                await connection.TrySendAsync("""{"op":9,"d":false,"s":null,"t":null}""");
                break;
            default:
                live = null;
                await connection.TryCloseAsync((WebSocketCloseStatus)4000);
                break;
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.DisposeAsync();
    }

    private void Count(string what) => counters.AddOrUpdate(what, 1, (_, n) => n + 1);

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (context.WebSockets.IsWebSocketRequest)
        {
            return GatewayAsync(context, path);
        }

        return path switch
        {
            "/api/v10/gateway/bot" => context.Response.WriteAsync(
                $$$"""{"url":"ws://{{{BaseUrl.Authority}}}","shards":1,"session_start_limit":{"total":1000,"remaining":1000,"reset_after":86400000,"max_concurrency":1}}"""),
            _ when path.EndsWith("/callback", StringComparison.Ordinal) => CallbackAsync(context, path),
            _ when path.EndsWith("/messages/@original", StringComparison.Ordinal) => EditAsync(context, path),
            _ => NotFound(context),
        };
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>POST /interactions/{id}/{token}/callback: slow (20–600 ms), and a 429 on one call in twenty (once per interaction).</summary>
    private async Task CallbackAsync(HttpContext context, string path)
    {
        var id = path.Split('/')[^3];
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (Random.Shared.Next(20) == 0 && rateLimitedOnce.TryAdd(id, 0))
        {
            Count("rest 429");
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers["X-RateLimit-Scope"] = "user";
            context.Response.Headers["Retry-After"] = "1";
            await context.Response.WriteAsync("""{"message":"You are being rate limited.","retry_after":0.15,"global":false}""");
            return;
        }

        await Task.Delay(Random.Shared.Next(20, 600));
        var root = body.RootElement;
        var busy = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("content", out var content) && content.GetString()?.Contains("busy", StringComparison.OrdinalIgnoreCase) == true;
        ledger.Answered(id, root.GetProperty("type").GetInt32(), busy);
        Count("rest callback");
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original: the answer after a deferral (the token is "token-{id}").</summary>
    private async Task EditAsync(HttpContext context, string path)
    {
        await Task.Delay(Random.Shared.Next(20, 300));
        var token = path.Split('/')[^3];
        ledger.Edited(token["token-".Length..]);
        Count("rest edit");
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"1"}""");
    }

    private async Task GatewayAsync(HttpContext context, string path)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new Connection(context, socket);
        Count("gateway connections to " + path);
        await connection.TrySendAsync($$$"""{"op":10,"d":{"heartbeat_interval":{{{HeartbeatIntervalMs}}}},"s":null,"t":null}""");
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Count($"client close {(int?)result.CloseStatus}");
                    await connection.TryCloseAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    await OnPayloadAsync(connection, message.ToArray());
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ConnectionAbortedException)
        {
            Count("gateway sockets ended without a close frame");
        }
        finally
        {
            if (live == connection)
            {
                live = null;
            }
        }
    }

    private async Task OnPayloadAsync(Connection connection, byte[] payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var d = root.GetProperty("d");
        switch (root.GetProperty("op").GetInt32())
        {
            case 1:
                if (connection.Acking)
                {
                    await connection.TrySendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                }

                break;
            case 2:
                Count("identify");
                var session = new Session($"soak-session-{Interlocked.Increment(ref sessionCount)}");
                sessions[session.Id] = session;
                connection.Session = session;
                await connection.TrySendAsync(session.Record("READY", new JsonObject
                {
                    ["v"] = 10,
                    ["user"] = new JsonObject { ["id"] = "1216309572403331073", ["username"] = "credits-bot", ["bot"] = true },
                    ["guilds"] = new JsonArray(),
                    ["session_id"] = session.Id,
                    ["resume_gateway_url"] = $"ws://{BaseUrl.Authority}/resume",
                    ["application"] = new JsonObject { ["id"] = "1216309572403331073", ["flags"] = 0 },
                }));
                GoLive(connection);
                break;
            case 6:
                Count("resume attempt");
                if (!sessions.TryGetValue(d.GetProperty("session_id").GetString() ?? string.Empty, out var resumed))
                {
                    Count("resume refused (op 9)");
                    await connection.TrySendAsync("""{"op":9,"d":false,"s":null,"t":null}""");
                    break;
                }

                connection.Session = resumed;
                var sequence = d.GetProperty("seq").ValueKind == JsonValueKind.Number ? d.GetProperty("seq").GetInt64() : 0;
                foreach (var missed in resumed.After(sequence))
                {
                    Count("replayed dispatch");
                    await connection.TrySendAsync(missed);
                }

                await connection.TrySendAsync(resumed.Record("RESUMED", new JsonObject()));
                Count("resumed");
                GoLive(connection);
                break;
        }
    }

    private void GoLive(Connection connection)
    {
        connection.Ready = true;
        live = connection;
    }

    /// <summary>A session's dispatches by sequence, for replay on RESUME.</summary>
    private sealed class Session(string id)
    {
        private readonly List<string> frames = [];

        public string Id { get; } = id;

        public string Record(string type, JsonObject data)
        {
            lock (frames)
            {
                var frame = new JsonObject { ["op"] = 0, ["s"] = frames.Count + 1, ["t"] = type, ["d"] = data }.ToJsonString();
                frames.Add(frame);
                return frame;
            }
        }

        public IReadOnlyList<string> After(long sequence)
        {
            lock (frames)
            {
                return frames.Skip((int)Math.Clamp(sequence, 0, frames.Count)).ToArray();
            }
        }
    }

    private sealed class Connection(HttpContext context, WebSocket socket)
    {
        private readonly SemaphoreSlim sendLock = new(1, 1);

        public HttpContext Context { get; } = context;

        public Session? Session { get; set; }

        public volatile bool Ready;

        public volatile bool Acking = true;

        public async Task TrySendAsync(string frame)
        {
            await sendLock.WaitAsync();
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The socket went away: the session still has the frame, a RESUME replays it.
            }
            finally
            {
                sendLock.Release();
            }
        }

        public async Task TryCloseAsync(WebSocketCloseStatus status)
        {
            await sendLock.WaitAsync();
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync(status, "fake discord", CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
            }
            finally
            {
                sendLock.Release();
            }
        }
    }
}
