using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>
/// An in-process Discord gateway on 127.0.0.1 (Kestrel WebSockets). Each client socket plays the next
/// <see cref="GatewayScript"/>; /gateway serves fresh sessions and /resume is what READY hands out as
/// resume_gateway_url. Sessions keep their dispatches so RESUME replays the missed ones, as Discord does.
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<GatewayScript> scripts;
    private readonly int scriptCount;
    private readonly ConcurrentQueue<Exception> failures = new();
    private readonly ConcurrentQueue<FakeGatewayConnection> connections = new();
    private readonly ConcurrentQueue<(long At, JsonElement Data)> identifies = new();
    private readonly ConcurrentQueue<string> sentInteractions = new();
    private readonly ConcurrentDictionary<string, FakeGatewaySession> sessions = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource allScriptsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int scriptsFinished;
    private int connectionCount;
    private int sessionCount;
    private int refusalsLeft;
    private int port;

    private FakeGateway(IEnumerable<GatewayScript> scripts)
    {
        this.scripts = new ConcurrentQueue<GatewayScript>(scripts);
        scriptCount = this.scripts.Count;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.UseWebSockets();
        app.Run(AcceptAsync);
    }

    public const string Token = "fake-bot-token.SECRET-do-not-log";

    public Uri GatewayUrl => new($"ws://127.0.0.1:{port}/gateway");

    /// <summary>Handed out in READY without the query, as Discord does: the client must add v=10&amp;encoding=json itself.</summary>
    public Uri ResumeUrl => new($"ws://127.0.0.1:{port}/resume");

    public IReadOnlyList<FakeGatewayConnection> Connections => connections.ToArray();

    /// <summary>When each IDENTIFY arrived (Stopwatch timestamp) and its <c>d</c>.</summary>
    public IReadOnlyList<(long At, JsonElement Data)> Identifies => identifies.ToArray();

    /// <summary>Ids of every INTERACTION_CREATE the gateway dispatched (live or missed-then-replayed), once each.</summary>
    public IReadOnlyList<string> SentInteractions => sentInteractions.ToArray();

    public FakeGatewaySession? LastSession { get; private set; }

    /// <summary>What the client logged, quoted in failures so a broken expectation comes with the client's side of it.</summary>
    public Func<string>? ClientLog { get; set; }

    public static async Task<FakeGateway> StartAsync(params GatewayScript[] scripts)
    {
        var gateway = new FakeGateway(scripts);
        await gateway.app.StartAsync();
        var address = gateway.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        gateway.port = new Uri(address).Port;
        return gateway;
    }

    /// <summary>Waits for every script to run to its end and fails with the first broken expectation.</summary>
    public async Task WaitForScriptsAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        try
        {
            await allScriptsDone.Task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            ThrowIfFailed();
            throw new TimeoutException($"only {scriptsFinished} of {scriptCount} connection scripts finished within {limit}");
        }

        ThrowIfFailed();
    }

    public void ThrowIfFailed()
    {
        if (!failures.IsEmpty)
        {
            var log = ClientLog?.Invoke();
            throw new AggregateException(
                "the fake gateway saw the client misbehave" + (log is null ? string.Empty : "\nclient log:\n" + log + "\n"),
                failures);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> upgrade requests with 503 instead of a WebSocket.</summary>
    public void RefuseNextConnections(int count) => refusalsLeft = count;

    internal FakeGatewaySession NewSession(string? id, int? shard)
    {
        var session = new FakeGatewaySession(id ?? $"session-{Interlocked.Increment(ref sessionCount)}", shard);
        sessions[session.Id] = session;
        LastSession = session;
        return session;
    }

    internal FakeGatewaySession? FindSession(string? id) => id is not null && sessions.TryGetValue(id, out var session) ? session : null;

    internal void RecordIdentify(JsonElement data) => identifies.Enqueue((Stopwatch.GetTimestamp(), data));

    internal void RecordInteraction(string id) => sentInteractions.Enqueue(id);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (Interlocked.Decrement(ref refusalsLeft) >= 0)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(this, Interlocked.Increment(ref connectionCount), context, socket);
        connections.Enqueue(connection);
        var reading = connection.ReadAsync();
        if (!scripts.TryDequeue(out var script))
        {
            failures.Enqueue(new InvalidOperationException(
                $"unexpected connection #{connection.Index} to {connection.Path}: no script left for it"));
            context.Abort();
            return;
        }

        try
        {
            await script.RunAsync(connection, stopping.Token);
        }
        catch (Exception ex)
        {
            failures.Enqueue(new InvalidOperationException($"connection #{connection.Index} ({connection.Path}): {ex.Message}", ex));
        }
        finally
        {
            if (Interlocked.Increment(ref scriptsFinished) == scriptCount)
            {
                allScriptsDone.TrySetResult();
            }
        }

        // Stay up, acking heartbeats, until the client leaves or the test ends.
        try
        {
            await reading.WaitAsync(stopping.Token);
            if (!connection.AnswersClose)
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
