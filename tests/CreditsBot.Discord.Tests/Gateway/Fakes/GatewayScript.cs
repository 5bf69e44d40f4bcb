using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>
/// What the fake gateway does and expects on one client socket, step by step (in the spirit of Remora's
/// <c>MockedTransportServiceBuilder</c>): <c>Hello → ExpectIdentify → Ready → Interaction → Close(4000)</c>.
/// Heartbeats are acked in the background throughout, unless <see cref="StopAcking"/>.
/// </summary>
internal sealed class GatewayScript
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private readonly List<(string Name, Func<FakeGatewayConnection, Task> Run)> steps = [];

    public GatewayScript ExpectPath(string path) => Step($"ExpectPath({path})", c =>
    {
        Assert.Equal(path, c.Path);
        Assert.Equal("?v=10&encoding=json", c.Query);
        return Task.CompletedTask;
    });

    public GatewayScript Hello(int heartbeatIntervalMs = 1000) => Step("Hello", c =>
    {
        c.HelloSentAt = Stopwatch.GetTimestamp();
        return c.SendAsync(new JsonObject
        {
            ["op"] = 10,
            ["d"] = new JsonObject { ["heartbeat_interval"] = heartbeatIntervalMs },
            ["s"] = null,
            ["t"] = null,
        }.ToJsonString());
    });

    public GatewayScript ExpectIdentify(Action<JsonElement>? assert = null) => Step("ExpectIdentify", async c =>
    {
        var payload = await c.NextPayloadAsync(StepTimeout);
        Assert.Equal(2, payload.GetProperty("op").GetInt32());
        var d = payload.GetProperty("d");
        c.Gateway.RecordIdentify(d);
        Assert.Equal(FakeGateway.Token, d.GetProperty("token").GetString());
        c.Shard = d.TryGetProperty("shard", out var shard) ? shard[0].GetInt32() : 0;
        assert?.Invoke(d);
    });

    public GatewayScript Ready(string? sessionId = null) => Step("Ready", c =>
    {
        c.Session = c.Gateway.NewSession(sessionId, c.Shard);
        return c.SendAsync(c.Session.Record("READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = "1000", ["username"] = "credits-bot", ["bot"] = true },
            ["guilds"] = new JsonArray(),
            ["session_id"] = c.Session.Id,
            ["resume_gateway_url"] = c.Gateway.ResumeUrl.ToString(),
            ["application"] = new JsonObject { ["id"] = "1000", ["flags"] = 0 },
        }));
    });

    public GatewayScript Interaction(string id) => Interaction(_ => id);

    /// <summary>Dispatches INTERACTION_CREATE live on this socket.</summary>
    public GatewayScript Interaction(Func<FakeGatewayConnection, string> id) => Step("Interaction", c =>
    {
        var interactionId = id(c);
        c.Gateway.RecordInteraction(interactionId);
        return c.SendAsync(Session(c).Record("INTERACTION_CREATE", InteractionData(interactionId)));
    });

    /// <summary>Dispatches INTERACTION_CREATE live on this socket with a whole interaction object, as Discord sends it.</summary>
    public GatewayScript InteractionPayload(string interactionJson) => Step("InteractionPayload", c =>
    {
        var data = JsonNode.Parse(interactionJson)!.AsObject();
        c.Gateway.RecordInteraction((string)data["id"]!);
        return c.SendAsync(Session(c).Record("INTERACTION_CREATE", data));
    });

    /// <summary>Dispatches INTERACTION_CREATE into the latest session while no socket carries it: only a RESUME delivers it.</summary>
    public GatewayScript MissedInteraction(string id) => Step($"MissedInteraction({id})", _ =>
    {
        var session = _.Gateway.LastSession ?? throw new InvalidOperationException("no session to dispatch into");
        _.Gateway.RecordInteraction(id);
        session.Record("INTERACTION_CREATE", InteractionData(id));
        return Task.CompletedTask;
    });

    /// <summary>Expects RESUME for a known session, replays the dispatches after its seq, then sends RESUMED.</summary>
    public GatewayScript ExpectResume(long? expectedSequence = null, string? expectedSession = null) => Step("ExpectResume", async c =>
    {
        var payload = await c.NextPayloadAsync(StepTimeout);
        Assert.Equal(6, payload.GetProperty("op").GetInt32());
        var d = payload.GetProperty("d");
        Assert.Equal(FakeGateway.Token, d.GetProperty("token").GetString());
        var sessionId = d.GetProperty("session_id").GetString();
        if (expectedSession is not null)
        {
            Assert.Equal(expectedSession, sessionId);
        }

        var session = c.Gateway.FindSession(sessionId) ?? throw new InvalidOperationException($"RESUME of unknown session {sessionId}");
        var sequence = d.GetProperty("seq").GetInt64();
        if (expectedSequence is long expected)
        {
            Assert.Equal(expected, sequence);
        }

        c.Session = session;
        c.Shard = session.Shard;
        foreach (var frame in session.After(sequence))
        {
            await c.SendAsync(frame);
        }

        await c.SendAsync(session.Record("RESUMED", new JsonObject()));
    });

    /// <summary>Waits for a heartbeat carrying <paramref name="sequence"/> (earlier beats may still carry an older one).</summary>
    public GatewayScript ExpectHeartbeat(long? sequence = null) => Step($"ExpectHeartbeat({sequence})", async c =>
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StepTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            var beat = await c.NextHeartbeatAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (sequence is null || beat == sequence)
            {
                return;
            }

            Assert.True(beat is null || beat < sequence, $"heartbeat carried {beat}, ahead of the expected {sequence}");
        }
    });

    /// <summary>Expects the socket's first heartbeat between <paramref name="min"/> and <paramref name="max"/> after HELLO.</summary>
    public GatewayScript ExpectFirstHeartbeatBetween(TimeSpan min, TimeSpan max) => Step("ExpectFirstHeartbeatBetween", async c =>
    {
        await c.NextHeartbeatAsync(StepTimeout);
        var after = Stopwatch.GetElapsedTime(c.HelloSentAt!.Value, c.FirstHeartbeatAt!.Value);
        Assert.InRange(after, min, max);
    });

    /// <summary>Asks for a heartbeat (op 1 from the server) and expects one well before the regular interval.</summary>
    public GatewayScript RequestHeartbeat(TimeSpan within) => Step("RequestHeartbeat", async c =>
    {
        await c.SendAsync("""{"op":1,"d":null,"s":null,"t":null}""");
        await c.NextHeartbeatAsync(within);
    });

    public GatewayScript Reconnect() => Step("Reconnect", c => c.SendAsync("""{"op":7,"d":null,"s":null,"t":null}"""));

    public GatewayScript InvalidSession(bool resumable) => Step($"InvalidSession({resumable})", c =>
        c.SendAsync(resumable ? """{"op":9,"d":true,"s":null,"t":null}""" : """{"op":9,"d":false,"s":null,"t":null}"""));

    public GatewayScript StopAcking() => Step("StopAcking", c =>
    {
        c.StopAcking();
        return Task.CompletedTask;
    });

    public GatewayScript StopAnsweringClose() => Step("StopAnsweringClose", c =>
    {
        c.StopAnsweringClose();
        return Task.CompletedTask;
    });

    public GatewayScript Close(int code) => Step($"Close({code})", c => c.CloseAsync(code));

    public GatewayScript Drop() => Step("Drop", c =>
    {
        c.Drop();
        return Task.CompletedTask;
    });

    /// <summary>Expects the client to leave with a close frame whose code keeps the session resumable (not 1000/1001).</summary>
    public GatewayScript ExpectResumableClose() => Step("ExpectResumableClose", async c =>
    {
        await c.ClientGone.WaitAsync(StepTimeout);
        Assert.True(c.ClientSentCloseFrame, "the client left without a close frame");
        Assert.NotNull(c.ClientCloseCode);
        Assert.NotEqual(1000, c.ClientCloseCode);
        Assert.NotEqual(1001, c.ClientCloseCode);
    });

    /// <summary>Expects the client to drop the socket without waiting for a close handshake (a dead peer never answers).</summary>
    public GatewayScript ExpectAbort(TimeSpan within) => Step("ExpectAbort", async c =>
    {
        await c.ClientGone.WaitAsync(within);
        Assert.False(c.ClientSentCloseFrame, "the client sent a close frame to a dead connection");
    });

    /// <summary>
    /// After <see cref="Close"/>: expects the client to answer with a close frame carrying the same code. A client that
    /// just drops the socket leaves the server with 1006 (abnormal closure) instead of its own code.
    /// </summary>
    public GatewayScript ExpectCloseAnswered(int code) => Step($"ExpectCloseAnswered({code})", async c =>
    {
        await c.ClientGone.WaitAsync(StepTimeout);
        Assert.True(c.ClientSentCloseFrame, "the client dropped the connection instead of answering the close frame (the server sees 1006)");
        Assert.Equal(code, c.ClientCloseCode);
    });

    public GatewayScript ExpectClientGone() => Step("ExpectClientGone", c => c.ClientGone.WaitAsync(StepTimeout));

    internal async Task RunAsync(FakeGatewayConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (name, run) in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await run(connection);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"step {name} failed: {ex.Message}", ex);
            }
        }
    }

    private GatewayScript Step(string name, Func<FakeGatewayConnection, Task> run)
    {
        steps.Add((name, run));
        return this;
    }

    private static FakeGatewaySession Session(FakeGatewayConnection c) =>
        c.Session ?? throw new InvalidOperationException("dispatch before READY or RESUME");

    private static JsonObject InteractionData(string id) => new()
    {
        ["id"] = id,
        ["application_id"] = "1000",
        ["type"] = 2,
        ["token"] = "interaction-token-" + id,
        ["version"] = 1,
        ["data"] = new JsonObject { ["id"] = "2000", ["name"] = "credits", ["type"] = 1 },
    };
}
