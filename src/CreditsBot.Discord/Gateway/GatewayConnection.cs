using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using CreditsBot.Discord.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// One shard's gateway session, kept alive across sockets: HELLO, jittered heartbeats with zombie detection,
/// IDENTIFY or RESUME, dispatches, and the decision after every disconnect — resume, identify again, or stop.
/// </summary>
internal sealed class GatewayConnection
{
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
    private readonly ReconnectBackoff backoff;
    private readonly GatewayConnectionExtras extras;

    public GatewayConnection(
        int shardId,
        int shardCount,
        Uri gatewayUrl,
        string token,
        IdentifyGate identifyGate,
        Action<JsonElement, int> onInteraction,
        GatewayClientOptions options,
        ILogger logger,
        GatewayConnectionExtras? extras = null)
    {
        this.extras = extras ?? new GatewayConnectionExtras();
        jitter = this.extras.Jitter ?? Random.Shared.NextDouble;
        backoff = new ReconnectBackoff(options);
        this.shardId = shardId;
        this.shardCount = shardCount;
        this.gatewayUrl = gatewayUrl;
        this.token = token;
        this.identifyGate = identifyGate;
        this.onInteraction = onInteraction;
        this.options = options;
        this.logger = logger;
    }

    private GatewayHealth? health => extras.Health;

    private CreditsBotMetrics? metrics => extras.Metrics;

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
            var outcome = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            if (outcome.Wait == Pause.Stop)
            {
                return;
            }

            failuresInARow = outcome.Established ? 0 : failuresInARow;
            var delay = outcome.Wait switch
            {
                // At once only from a working session: a server that keeps failing early must not get a reconnect storm.
                Pause.None when outcome.Established => TimeSpan.Zero,
                Pause.InvalidSession => backoff.Between(options.InvalidSessionMinDelay, options.InvalidSessionMaxDelay),
                _ => backoff.After(failuresInARow++),
            };

            metrics?.Reconnect(outcome.Kind);
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

    /// <summary>One socket: resume when the session allows it, else identify (waiting for the identify gate).</summary>
    private async Task<Outcome> RunOnceAsync(CancellationToken stoppingToken)
    {
        var resume = session.CanResume;
        IDisposable? identifyLease = null;
        try
        {
            if (!resume)
            {
                identifyLease = await identifyGate.AcquireAsync(shardId, stoppingToken).ConfigureAwait(false);
            }

            var outcome = await RunSocketAsync(resume, identifyLease, stoppingToken).ConfigureAwait(false);
            health?.Disconnected(shardId);
            return outcome;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return Outcome.Stopped;
        }
        finally
        {
            identifyLease?.Dispose();
        }
    }

    private async Task<Outcome> RunSocketAsync(bool resume, IDisposable? identifyLease, CancellationToken stoppingToken)
    {
        var url = resume ? session.ResumeUrl! : gatewayUrl;
        using var socket = (extras.SocketFactory ?? (() => new ClientGatewaySocket()))();
        using var teardown = new CancellationTokenSource();
        var state = new SocketState(socket, teardown, new GatewaySendLimiter(options.SendLimit, options.HeartbeatReserve, options.SendWindow))
        {
            Resuming = resume,
            IdentifyLease = identifyLease,
        };

        logger.LogInformation(
            "Shard {ShardId}: connecting to {Host}{Path} to {Purpose}",
            shardId,
            url.Authority,
            url.AbsolutePath,
            resume ? $"resume session at sequence {session.Sequence?.ToString() ?? "none"}" : "identify");
        if (await OpenAsync(socket, url, stoppingToken).ConfigureAwait(false) is { } notOpened)
        {
            return notOpened;
        }

        try
        {
            return await ReceiveUntilDoneAsync(state, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not GatewayFatalException)
        {
            return OutcomeOf(ex, state);
        }
        finally
        {
            await ReleaseAsync(state).ConfigureAwait(false);
        }
    }

    /// <summary>The handshake's first half: the WebSocket itself. Null when open; otherwise why not.</summary>
    private async Task<Outcome?> OpenAsync(IGatewaySocket socket, Uri url, CancellationToken stoppingToken)
    {
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            connectTimeout.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(WithGatewayQuery(url), connectTimeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            return Outcome.Stopped;
        }
        catch (Exception ex)
        {
            return Outcome.Backoff($"could not connect ({ex.GetType().Name}: {ex.Message})", "connect_failed");
        }
    }

    /// <summary>Reads frames until one of them (or the peer's close) decides how this socket ends.</summary>
    private async Task<Outcome> ReceiveUntilDoneAsync(SocketState state, CancellationToken stoppingToken)
    {
        // Shutdown must not cancel a pending ReceiveAsync (that aborts the socket): it sends a 1000 close frame and
        // lets this loop read Discord's answer; ReleaseAsync waits for that close before the socket goes away.
        using var onShutdown = stoppingToken.Register(() => state.ShutdownClose = CloseForShutdownAsync(state));
        using var helloDeadline = new CancellationTokenSource(options.ConnectTimeout);
        using var onHelloMissing = helloDeadline.Token.Register(() => AbortIfNoHello(state));
        using var frames = new GatewayFrameReader();
        while (true)
        {
            using var frame = await frames.ReadAsync(state.Socket, state.Teardown.Token).ConfigureAwait(false);
            var outcome = frame is null
                ? await OnCloseFrameAsync(state).ConfigureAwait(false)
                : await OnFrameAsync(frame.RootElement, state).ConfigureAwait(false);
            if (outcome is not null)
            {
                return outcome;
            }
        }
    }

    /// <summary>One gateway payload; null to keep reading, or how the socket ends.</summary>
    private async Task<Outcome?> OnFrameAsync(JsonElement root, SocketState state)
    {
        root.TryGetProperty("d", out var data);
        switch (root.GetProperty("op").GetInt32())
        {
            case GatewayOpcode.Hello when !state.HelloReceived:
                await OnHelloAsync(data, state).ConfigureAwait(false);
                return null;
            case GatewayOpcode.HeartbeatAck:
                state.Acked = true;
                health?.Acked(shardId);
                return null;
            case GatewayOpcode.Heartbeat:
                // Discord asks for a beat now; the regular schedule carries on unchanged.
                await SendAsync(state, WriteHeartbeat(), heartbeat: true).ConfigureAwait(false);
                return null;
            case GatewayOpcode.Dispatch:
                OnDispatch(root, data, state);
                return null;
            case GatewayOpcode.Reconnect:
                await CloseForReconnectAsync(state).ConfigureAwait(false);
                return Outcome.Now("Discord asked us to reconnect (op 7)", "op7_reconnect", state.Established);
            case GatewayOpcode.InvalidSession:
                return await OnInvalidSessionAsync(data, state).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <summary>The handshake's second half: start heartbeating, then IDENTIFY or RESUME.</summary>
    private async Task OnHelloAsync(JsonElement data, SocketState state)
    {
        state.HelloReceived = true;
        var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
        state.Heartbeats = HeartbeatAsync(state, interval);
        if (state.Resuming)
        {
            await SendAsync(state, WriteResume(), heartbeat: false).ConfigureAwait(false);
            metrics?.Resume("attempted");
            return;
        }

        await SendAsync(state, WriteIdentify(), heartbeat: false).ConfigureAwait(false);
        state.IdentifyLease?.Dispose();
    }

    private async Task<Outcome> OnInvalidSessionAsync(JsonElement data, SocketState state)
    {
        var resumable = data.ValueKind == JsonValueKind.True;
        if (state.Resuming && !state.Established)
        {
            metrics?.Resume("rejected");
        }

        if (!resumable)
        {
            session.Forget();
        }

        await CloseForReconnectAsync(state).ConfigureAwait(false);
        return new Outcome(
            Pause.InvalidSession,
            $"Discord invalidated the session (op 9, resumable: {(resumable ? "yes" : "no")})",
            "op9_invalid_session",
            state.Established);
    }

    /// <summary>
    /// Discord closed: answer with its own code (so it sees a finished handshake, not 1006), then stop for good on a
    /// fatal code, start a new session on one that forbids resuming, or back off and resume.
    /// </summary>
    private async Task<Outcome> OnCloseFrameAsync(SocketState state)
    {
        if (state.ShuttingDown)
        {
            return Outcome.Stopped;
        }

        var status = state.Socket.CloseStatus;
        var description = state.Socket.CloseStatusDescription;
        await CloseOutputAsync(state, status ?? WebSocketCloseStatus.Empty, status is null ? string.Empty : "closing").ConfigureAwait(false);
        var code = (int?)status;
        if (code is int fatalCode && GatewayCloseCode.FatalFix(fatalCode) is string fix)
        {
            throw new GatewayFatalException($"Shard {shardId}: {fix}", fatalCode, shardId);
        }

        if (code is int newSessionCode && GatewayCloseCode.ForbidsResume(newSessionCode))
        {
            session.Forget();
        }

        return Outcome.Backoff(
            $"Discord closed the connection with {code?.ToString(CultureInfo.InvariantCulture) ?? "no code"} ({description})",
            code is int c ? $"close_{c.ToString(CultureInfo.InvariantCulture)}" : "close_empty",
            state.Established);
    }

    /// <summary>How an exception ended the socket: which of our own decisions caused it, or a plain drop.</summary>
    private Outcome OutcomeOf(Exception ex, SocketState state)
    {
        if (state.ShuttingDown)
        {
            return Outcome.Stopped;
        }

        if (state.Zombie)
        {
            return Outcome.Now("no heartbeat ACK since the previous heartbeat (zombie connection); socket aborted", "zombie", state.Established);
        }

        return state.HelloMissing
            ? Outcome.Backoff($"no HELLO within {options.ConnectTimeout}", "no_hello")
            : Outcome.Backoff($"the connection dropped ({ex.GetType().Name}: {ex.Message})", "dropped", state.Established);
    }

    /// <summary>Stops the socket's helpers and waits for them, so none touches it (or its token source) once disposed.</summary>
    private static async Task ReleaseAsync(SocketState state)
    {
        await state.Teardown.CancelAsync().ConfigureAwait(false);
        state.Socket.Abort();
        await state.Heartbeats.ConfigureAwait(false);
        await state.ShutdownClose.ConfigureAwait(false);
    }

    private static void AbortIfNoHello(SocketState state)
    {
        if (!state.HelloReceived)
        {
            state.HelloMissing = true;
            state.Socket.Abort();
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
                metrics?.Resume("resumed");
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
                    state.Socket.Abort();
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
            await state.Socket.SendAsync(payload, token).ConfigureAwait(false);
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
        state.Socket.Abort();
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
            state.Socket.Abort();
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
            state.Socket.Abort();
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

    private enum Pause
    {
        Stop,
        None,
        InvalidSession,
        Backoff,
    }

    /// <summary>
    /// Why a socket ended and how long to wait before the next one; <see cref="Kind"/> names the reason for metrics;
    /// Established says it had reached READY/RESUMED.
    /// </summary>
    private sealed record Outcome(Pause Wait, string Reason, string Kind, bool Established = false)
    {
        public static Outcome Stopped { get; } = new(Pause.Stop, "shutdown", "shutdown");

        public static Outcome Now(string reason, string kind, bool established) => new(Pause.None, reason, kind, established);

        public static Outcome Backoff(string reason, string kind, bool established = false) => new(Pause.Backoff, reason, kind, established);
    }

    /// <summary>One socket's moving parts, shared by the receive loop, the heartbeat task and shutdown.</summary>
    private sealed class SocketState(IGatewaySocket socket, CancellationTokenSource teardown, GatewaySendLimiter limiter)
    {
        public IGatewaySocket Socket { get; } = socket;

        public CancellationTokenSource Teardown { get; } = teardown;

        public GatewaySendLimiter Limiter { get; } = limiter;

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        public required bool Resuming { get; init; }

        /// <summary>Released once IDENTIFY is sent (or when the socket ends without sending it).</summary>
        public IDisposable? IdentifyLease { get; init; }

        public Task Heartbeats { get; set; } = Task.CompletedTask;

        /// <summary>Shutdown's close handshake, awaited before the socket and its token source are disposed.</summary>
        public Task ShutdownClose { get; set; } = Task.CompletedTask;

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
    }
}

/// <summary>Optional collaborators of a <see cref="GatewayConnection"/>; tests replace the socket and the jitter.</summary>
internal sealed record GatewayConnectionExtras
{
    public GatewayHealth? Health { get; init; }

    public CreditsBotMetrics? Metrics { get; init; }

    /// <summary>Where the first heartbeat falls in its interval, 0–1 (random by default).</summary>
    public Func<double>? Jitter { get; init; }

    public Func<IGatewaySocket>? SocketFactory { get; init; }
}
