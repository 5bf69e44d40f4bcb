using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// One shard's gateway session, kept alive across sockets: HELLO, jittered heartbeats with zombie detection,
/// IDENTIFY or RESUME, dispatches, and the decision after every disconnect — resume, identify again, or stop.
/// </summary>
internal sealed class GatewayConnection
{
    private const int MaxFrameBytes = 64 * 1024 * 1024;
    private const int MaxSendBytes = 4096;
    private const WebSocketCloseStatus ReconnectCloseStatus = (WebSocketCloseStatus)4000;

    private readonly int shardId;
    private readonly int shardCount;
    private readonly Uri gatewayUrl;
    private readonly string token;
    private readonly IdentifyGate identifyGate;
    private readonly Action<JsonElement, int> onInteraction;
    private readonly GatewayClientOptions options;
    private readonly ILogger logger;
    private readonly GatewaySession session = new();
    private readonly Func<double> jitter;
    private readonly GatewayHealth? health;

    public GatewayConnection(
        int shardId,
        int shardCount,
        Uri gatewayUrl,
        string token,
        IdentifyGate identifyGate,
        Action<JsonElement, int> onInteraction,
        GatewayClientOptions options,
        ILogger logger,
        Func<double>? jitter = null,
        GatewayHealth? health = null)
    {
        this.jitter = jitter ?? Random.Shared.NextDouble;
        this.health = health;
        this.shardId = shardId;
        this.shardCount = shardCount;
        this.gatewayUrl = gatewayUrl;
        this.token = token;
        this.identifyGate = identifyGate;
        this.onInteraction = onInteraction;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>
    /// Runs until <paramref name="stoppingToken"/> (then closes with 1000) or a fatal close code
    /// (<see cref="GatewayFatalException"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failuresInARow = 0;
        health?.Starting(shardId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var resume = session.CanResume;
            Outcome outcome;
            IDisposable? identifyLease = null;
            try
            {
                if (!resume)
                {
                    identifyLease = await identifyGate.AcquireAsync(shardId, stoppingToken).ConfigureAwait(false);
                }

                outcome = await RunSocketAsync(resume, identifyLease, stoppingToken).ConfigureAwait(false);
                health?.Disconnected(shardId);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                identifyLease?.Dispose();
            }

            if (outcome.Wait == Pause.Stop)
            {
                return;
            }

            failuresInARow = outcome.Established ? 0 : failuresInARow;
            var delay = outcome.Wait switch
            {
                // At once only from a working session: a server that keeps failing early must not get a reconnect storm.
                Pause.None when outcome.Established => TimeSpan.Zero,
                Pause.InvalidSession => Between(options.InvalidSessionMinDelay, options.InvalidSessionMaxDelay),
                _ => Backoff(failuresInARow++),
            };

            logger.LogWarning(
                "Shard {ShardId}: {Reason}; {Next} in {DelayMs} ms",
                shardId,
                outcome.Reason,
                session.CanResume ? "resuming on the resume URL" : "identifying a new session",
                (int)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<Outcome> RunSocketAsync(bool resume, IDisposable? identifyLease, CancellationToken stoppingToken)
    {
        var url = resume ? session.ResumeUrl! : gatewayUrl;
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // heartbeats are the liveness check
        using var teardown = new CancellationTokenSource();
        var state = new SocketState(socket, teardown, new GatewaySendLimiter(
            options.SendLimit, options.HeartbeatReserve, options.SendWindow));

        logger.LogInformation(
            "Shard {ShardId}: connecting to {Host}{Path} to {Purpose}",
            shardId,
            url.Authority,
            url.AbsolutePath,
            resume ? $"resume session at sequence {session.Sequence?.ToString() ?? "none"}" : "identify");
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            connectTimeout.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(WithGatewayQuery(url), connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            return Outcome.Stopped;
        }
        catch (Exception ex)
        {
            return Outcome.Backoff($"could not connect ({ex.GetType().Name}: {ex.Message})");
        }

        // Shutdown must not cancel a pending ReceiveAsync (that aborts the socket): it sends a 1000 close frame and
        // lets the receive loop read Discord's answer, aborting only when none comes in time.
        using var onShutdown = stoppingToken.Register(() => _ = CloseForShutdownAsync(state));
        using var helloDeadline = new CancellationTokenSource(options.ConnectTimeout);
        using var onHelloMissing = helloDeadline.Token.Register(() =>
        {
            if (!state.HelloReceived)
            {
                state.HelloMissing = true;
                state.Abort();
            }
        });

        var heartbeats = Task.CompletedTask;
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                using var frame = await ReceiveFrameAsync(socket, buffer, message, teardown.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    return state.ShuttingDown ? Outcome.Stopped : OnClosedByServer(socket, state);
                }

                var root = frame.RootElement;
                var op = root.GetProperty("op").GetInt32();
                root.TryGetProperty("d", out var data);
                switch (op)
                {
                    case GatewayOpcode.Hello when !state.HelloReceived:
                        state.HelloReceived = true;
                        var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
                        heartbeats = HeartbeatAsync(state, interval);
                        if (resume)
                        {
                            await SendAsync(state, WriteResume(), heartbeat: false).ConfigureAwait(false);
                        }
                        else
                        {
                            await SendAsync(state, WriteIdentify(), heartbeat: false).ConfigureAwait(false);
                            identifyLease?.Dispose();
                        }

                        break;
                    case GatewayOpcode.HeartbeatAck:
                        state.Acked = true;
                        health?.Acked(shardId);
                        break;
                    case GatewayOpcode.Heartbeat:
                        // Discord asks for a beat now; the regular schedule carries on unchanged.
                        await SendAsync(state, WriteHeartbeat(), heartbeat: true).ConfigureAwait(false);
                        break;
                    case GatewayOpcode.Dispatch:
                        OnDispatch(root, data, state);
                        break;
                    case GatewayOpcode.Reconnect:
                        await CloseForReconnectAsync(state).ConfigureAwait(false);
                        return Outcome.Now("Discord asked us to reconnect (op 7)", state.Established);
                    case GatewayOpcode.InvalidSession:
                        var resumable = data.ValueKind == JsonValueKind.True;
                        if (!resumable)
                        {
                            session.Forget();
                        }

                        await CloseForReconnectAsync(state).ConfigureAwait(false);
                        return new Outcome(
                            Pause.InvalidSession,
                            $"Discord invalidated the session (op 9, resumable: {(resumable ? "yes" : "no")})",
                            state.Established);
                }
            }
        }
        catch (Exception) when (state.ShuttingDown)
        {
            return Outcome.Stopped;
        }
        catch (Exception) when (state.Zombie)
        {
            return Outcome.Now("no heartbeat ACK since the previous heartbeat (zombie connection); socket aborted", state.Established);
        }
        catch (Exception) when (state.HelloMissing)
        {
            return Outcome.Backoff($"no HELLO within {options.ConnectTimeout}");
        }
        catch (Exception ex) when (ex is not GatewayFatalException)
        {
            return Outcome.Backoff($"the connection dropped ({ex.GetType().Name}: {ex.Message})", state.Established);
        }
        finally
        {
            await teardown.CancelAsync().ConfigureAwait(false);
            state.Abort();
            await heartbeats.ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnDispatch(JsonElement root, JsonElement data, SocketState state)
    {
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            session.Sequence = s.GetInt64();
        }

        switch (root.TryGetProperty("t", out var t) ? t.GetString() : null)
        {
            case "READY":
                session.SessionId = data.TryGetProperty("session_id", out var id) ? id.GetString() : null;

                // Resuming elsewhere causes more disconnects; the gateway URL is only a fallback for a READY without one.
                session.ResumeUrl = data.TryGetProperty("resume_gateway_url", out var resumeUrl)
                    && Uri.TryCreate(resumeUrl.GetString(), UriKind.Absolute, out var parsed) && parsed.Scheme is "ws" or "wss"
                        ? parsed
                        : gatewayUrl;
                state.Established = true;
                health?.SessionLive(shardId);
                logger.LogInformation(
                    "Shard {ShardId} of {ShardCount}: connected, session ready (resume URL {ResumeHost})",
                    shardId,
                    shardCount,
                    session.ResumeUrl.Authority);
                break;
            case "RESUMED":
                state.Established = true;
                health?.SessionLive(shardId);
                logger.LogInformation(
                    "Shard {ShardId}: session resumed; missed events replayed up to sequence {Sequence}",
                    shardId,
                    session.Sequence);
                break;
            case "INTERACTION_CREATE":
                onInteraction(data.Clone(), shardId);
                break;
        }
    }

    private Outcome OnClosedByServer(ClientWebSocket socket, SocketState state)
    {
        var code = (int?)socket.CloseStatus;
        var description = socket.CloseStatusDescription;
        if (code is int fatalCode && GatewayCloseCode.FatalFix(fatalCode) is string fix)
        {
            throw new GatewayFatalException($"Shard {shardId}: {fix}", fatalCode, shardId);
        }

        if (code is int newSessionCode && GatewayCloseCode.ForbidsResume(newSessionCode))
        {
            session.Forget();
        }

        return Outcome.Backoff($"Discord closed the connection with {code?.ToString() ?? "no code"} ({description})", state.Established);
    }

    private async Task HeartbeatAsync(SocketState state, TimeSpan interval)
    {
        var token = state.Teardown.Token;
        try
        {
            // Jitter the first beat so that shards restarted together don't beat in lockstep.
            await Task.Delay(interval * jitter(), token).ConfigureAwait(false);
            using var timer = new PeriodicTimer(interval);
            while (true)
            {
                if (!state.Acked)
                {
                    // A dead peer never answers a close frame, so don't wait for one: abort and resume at once.
                    logger.LogWarning("Shard {ShardId}: no heartbeat ACK within {Interval}; aborting the socket", shardId, interval);
                    state.Zombie = true;
                    state.Abort();
                    await state.Teardown.CancelAsync().ConfigureAwait(false);
                    return;
                }

                state.Acked = false;
                await SendAsync(state, WriteHeartbeat(), heartbeat: true).ConfigureAwait(false);
                if (!await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The socket is going away; the receive loop decides what happens next.
        }
    }

    private async Task SendAsync(SocketState state, byte[] payload, bool heartbeat)
    {
        if (payload.Length > MaxSendBytes)
        {
            throw new InvalidOperationException($"A gateway payload of {payload.Length} bytes exceeds Discord's {MaxSendBytes}.");
        }

        var token = state.Teardown.Token;
        await state.Limiter.WaitAsync(heartbeat, token).ConfigureAwait(false);
        await state.SendLock.WaitAsync(token).ConfigureAwait(false);
        try
        {
            await state.Socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        }
        finally
        {
            state.SendLock.Release();
        }
    }

    /// <summary>Closes with 4000 (never 1000/1001, which would end the session) without waiting for an answer.</summary>
    private async Task CloseForReconnectAsync(SocketState state)
    {
        await CloseOutputAsync(state, ReconnectCloseStatus, "reconnecting").ConfigureAwait(false);
        state.Abort();
    }

    /// <summary>Shutdown: a clean 1000 close; the receive loop reads the answer, or the socket is aborted after the timeout.</summary>
    private async Task CloseForShutdownAsync(SocketState state)
    {
        state.ShuttingDown = true;
        logger.LogInformation("Shard {ShardId}: closing the connection (shutdown)", shardId);
        await CloseOutputAsync(state, WebSocketCloseStatus.NormalClosure, "shutting down").ConfigureAwait(false);
        try
        {
            await Task.Delay(options.CloseTimeout, state.Teardown.Token).ConfigureAwait(false);
            logger.LogWarning("Shard {ShardId}: no close answer within {Timeout}; aborting the socket", shardId, options.CloseTimeout);
            state.Abort();
        }
        catch (OperationCanceledException)
        {
            // Closed in time.
        }
    }

    private async Task CloseOutputAsync(SocketState state, WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(options.CloseTimeout);
        try
        {
            await state.SendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                if (state.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await state.Socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                state.SendLock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            state.Abort();
        }
    }

    private static async Task<JsonDocument?> ReceiveFrameAsync(
        ClientWebSocket socket, byte[] buffer, MemoryStream message, CancellationToken cancellationToken)
    {
        message.SetLength(0);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxFrameBytes)
            {
                throw new InvalidDataException($"A gateway frame exceeded {MaxFrameBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(message.GetBuffer().AsMemory(0, (int)message.Length));
            }
        }
    }

    private byte[] WriteIdentify() => Write(GatewayOpcode.Identify, writer =>
    {
        writer.WriteString("token", token);
        writer.WriteNumber("intents", 0); // INTERACTION_CREATE belongs to no intent: it is always sent
        writer.WriteStartObject("properties");
        writer.WriteString("os", OperatingSystemName());
        writer.WriteString("browser", "credits-bot");
        writer.WriteString("device", "credits-bot");
        writer.WriteEndObject();
        writer.WriteStartArray("shard");
        writer.WriteNumberValue(shardId);
        writer.WriteNumberValue(shardCount);
        writer.WriteEndArray();
    });

    private byte[] WriteResume() => Write(GatewayOpcode.Resume, writer =>
    {
        writer.WriteString("token", token);
        writer.WriteString("session_id", session.SessionId);
        if (session.Sequence is long sequence)
        {
            writer.WriteNumber("seq", sequence);
        }
        else
        {
            writer.WriteNull("seq");
        }
    });

    private byte[] WriteHeartbeat()
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", GatewayOpcode.Heartbeat);
            if (session.Sequence is long sequence)
            {
                writer.WriteNumber("d", sequence);
            }
            else
            {
                writer.WriteNull("d");
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Write(int op, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", op);
            writer.WriteStartObject("d");
            writeData(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "unknown";

    /// <summary>The gateway and resume URLs both need the version and encoding query (resume URLs come without it).</summary>
    internal static Uri WithGatewayQuery(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    private TimeSpan Backoff(int failuresInARow)
    {
        var ceiling = Math.Min(
            options.ReconnectMaxDelay.TotalMilliseconds,
            options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failuresInARow, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static TimeSpan Between(TimeSpan min, TimeSpan max) =>
        max <= min ? min : min + ((max - min) * Random.Shared.NextDouble());

    private enum Pause
    {
        Stop,
        None,
        InvalidSession,
        Backoff,
    }

    /// <summary>Why a socket ended and how long to wait before the next one; Established says it had reached READY/RESUMED.</summary>
    private sealed record Outcome(Pause Wait, string Reason, bool Established = false)
    {
        public static Outcome Stopped { get; } = new(Pause.Stop, "shutdown");

        public static Outcome Now(string reason, bool established) => new(Pause.None, reason, established);

        public static Outcome Backoff(string reason, bool established = false) => new(Pause.Backoff, reason, established);
    }

    private sealed class SocketState(ClientWebSocket socket, CancellationTokenSource teardown, GatewaySendLimiter limiter)
    {
        public ClientWebSocket Socket { get; } = socket;

        public CancellationTokenSource Teardown { get; } = teardown;

        public GatewaySendLimiter Limiter { get; } = limiter;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        // Touched by the receive loop, the heartbeat task and shutdown: volatile fields keep them honest.
        private volatile bool acked = true;
        private volatile bool zombie;
        private volatile bool shuttingDown;
        private volatile bool helloReceived;
        private volatile bool helloMissing;

        /// <summary>True at the start of every socket, or its first beat would see a false zombie.</summary>
        public bool Acked { get => acked; set => acked = value; }

        public bool Zombie { get => zombie; set => zombie = value; }

        public bool ShuttingDown { get => shuttingDown; set => shuttingDown = value; }

        public bool HelloReceived { get => helloReceived; set => helloReceived = value; }

        public bool HelloMissing { get => helloMissing; set => helloMissing = value; }

        public bool Established { get; set; }

        public void Abort()
        {
            try
            {
                Socket.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
