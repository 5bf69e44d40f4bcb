using System.Diagnostics;
using System.Text.Json;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Tests.Gateway.Fakes;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>
/// One shard against the scripted fake gateway, one scenario per documented reconnect path. Each checks what the
/// client sends and that every INTERACTION_CREATE the gateway dispatched was answered exactly once.
/// </summary>
public sealed class GatewayConnectionScenarioTests
{
    [Fact]
    public async Task NormalSession_IdentifiesWithIntentsZeroAndShardPair_HeartbeatsCarryLastSequence()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .ExpectPath("/gateway")
                .Hello(heartbeatIntervalMs: 500)
                .ExpectIdentify(d =>
                {
                    Assert.Equal(0, d.GetProperty("intents").GetInt32());
                    Assert.Equal("[0,1]", d.GetProperty("shard").GetRawText());
                    var properties = d.GetProperty("properties");
                    Assert.False(string.IsNullOrEmpty(properties.GetProperty("os").GetString()));
                    Assert.Equal("credits-bot", properties.GetProperty("browser").GetString());
                    Assert.Equal("credits-bot", properties.GetProperty("device").GetString());
                })
                .Ready()
                .ExpectHeartbeat(sequence: 1)
                .Interaction("i1")
                .ExpectHeartbeat(sequence: 2)
                .Interaction("i2")
                .ExpectHeartbeat(sequence: 3));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(2, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.All(bot.Handler.Answered, a => Assert.Equal(0, a.Shard));
        var connection = Assert.Single(gateway.Connections);
        await connection.ClientGone.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1000, connection.ClientCloseCode); // a deliberate shutdown ends the session cleanly
    }

    [Fact]
    public async Task ServerHeartbeatRequest_IsAnsweredAtOnce()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello(heartbeatIntervalMs: 60_000)
                .ExpectIdentify()
                .Ready()
                .RequestHeartbeat(within: TimeSpan.FromSeconds(1)));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesResumablyAndResumesOnTheResumeUrl_MissedInteractionReplayedOnce()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .ExpectPath("/gateway")
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .Interaction("i2")
                .Reconnect()
                .ExpectResumableClose(),
            new GatewayScript()
                .ExpectPath("/resume")
                .MissedInteraction("i3")
                .Hello()
                .ExpectResume(expectedSequence: 3, expectedSession: "session-a")
                .Interaction("i4")
                .ExpectHeartbeat(sequence: 6));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(4, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Single(gateway.Identifies); // resuming never identifies again
        Assert.Contains("op 7", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("resumed", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGateway.Token, bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidSession_Resumable_ResumesWithSessionAndLastSequence()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .InvalidSession(resumable: true)
                .ExpectResumableClose(),
            new GatewayScript()
                .ExpectPath("/resume")
                .MissedInteraction("i2")
                .Hello()
                .ExpectResume(expectedSequence: 2, expectedSession: "session-a")
                .Interaction("i3"));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(3, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Single(gateway.Identifies);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAgainOnTheGatewayUrl_NoSoonerThanTheIdentifyWindow()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .InvalidSession(resumable: false)
                .ExpectClientGone(),
            new GatewayScript()
                .ExpectPath("/gateway")
                .Hello()
                .ExpectIdentify(d => Assert.Equal("[0,1]", d.GetProperty("shard").GetRawText()))
                .Ready("session-b")
                .Interaction("i2")
                .ExpectHeartbeat(sequence: 2)); // the new session's numbering, not the old one's
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(2, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        var identifies = gateway.Identifies;
        Assert.Equal(2, identifies.Count);
        Assert.True(
            Stopwatch.GetElapsedTime(identifies[0].At, identifies[1].At) >= bot.Client.IdentifyWindow - TimeSpan.FromMilliseconds(20),
            "identified again inside the identify window");
    }

    [Fact]
    public async Task RejectedResume_FallsBackToAFreshIdentify()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .Close(4000),
            new GatewayScript()
                .ExpectPath("/resume")
                .Hello()
                .ExpectResume(expectedSequence: 2)
                .InvalidSession(resumable: false)
                .ExpectClientGone(),
            new GatewayScript()
                .ExpectPath("/gateway")
                .Hello()
                .ExpectIdentify()
                .Ready("session-b")
                .Interaction("i2"));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(2, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Equal(2, gateway.Identifies.Count);
    }

    [Fact]
    public async Task Zombie_AcksStop_ClientAbortsWithoutHandshakeAndResumes()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello(heartbeatIntervalMs: 400)
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .ExpectHeartbeat(sequence: 2)
                .StopAcking()
                .ExpectAbort(within: TimeSpan.FromSeconds(2)), // two intervals, not a 30 s stall
            new GatewayScript()
                .ExpectPath("/resume")
                .MissedInteraction("i2")
                .Hello(heartbeatIntervalMs: 400)
                .ExpectResume(expectedSequence: 2, expectedSession: "session-a")
                .Interaction("i3")
                .ExpectHeartbeat(sequence: 5)); // replayed i2 = 3, RESUMED = 4, i3 = 5
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(3, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Contains("zombie", bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbruptDrop_WithoutCloseFrame_Resumes()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .Interaction("i2")
                .ExpectHeartbeat(sequence: 3) // the client has them: an abort may discard frames still in flight
                .Drop(),
            new GatewayScript()
                .ExpectPath("/resume")
                .MissedInteraction("i3")
                .Hello()
                .ExpectResume(expectedSequence: 3, expectedSession: "session-a")
                .Interaction("i4"));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(4, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Single(gateway.Identifies);
    }

    [Fact]
    public async Task Close4000_IsAnsweredWith4000_ThenResumes()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .Close(4000)
                .ExpectCloseAnswered(4000),
            new GatewayScript()
                .ExpectPath("/resume")
                .MissedInteraction("i2")
                .Hello()
                .ExpectResume(expectedSequence: 2, expectedSession: "session-a")
                .Interaction("i3")
                .Close(4000), // and again: the resume URL and seq survive a first resume
            new GatewayScript()
                .ExpectPath("/resume")
                .Hello()
                .ExpectResume(expectedSequence: 5, expectedSession: "session-a")
                .Interaction("i4"));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(4, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Single(gateway.Identifies);
        Assert.Contains("4000", bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close4009_SessionTimedOut_IdentifiesAnewInsteadOfResuming()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready("session-a")
                .Interaction("i1")
                .Close(4009),
            new GatewayScript()
                .ExpectPath("/gateway")
                .Hello()
                .ExpectIdentify()
                .Ready("session-b")
                .Interaction("i2"));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(2, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
    }

    [Fact]
    public async Task Close4004_IsFatal_AnsweredWithItsOwnCode_StopsWithoutRetryingAndNamesTheSettingToFix()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Close(4004)
                .ExpectCloseAnswered(4004));
        await using var bot = GatewayHarness.Start(gateway);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(4004, fatal.CloseCode);
        Assert.Contains("Discord__Token", fatal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGateway.Token, fatal.Message, StringComparison.Ordinal);
        Assert.Single(gateway.Connections); // no identify storm on a token Discord will never accept
        await gateway.WaitForScriptsAsync();
    }

    [Fact]
    public async Task HandlerException_IsLogged_AndNeverTouchesTheConnection()
    {
        var handler = new RecordingInteractionHandler
        {
            Behaviour = (id, _) => id == "boom" ? throw new InvalidOperationException("command crashed") : Task.CompletedTask,
        };
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready()
                .Interaction("boom")
                .Interaction("i2")
                .ExpectHeartbeat(sequence: 3));
        await using var bot = GatewayHarness.Start(gateway, handler);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(1, gateway);
        await bot.StopAsync();

        Assert.Equal(["i2"], bot.Handler.Answered.Select(a => a.Id));
        Assert.Single(gateway.Connections);
        var error = Assert.Single(bot.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("boom", error.Text, StringComparison.Ordinal);
        Assert.Contains("command crashed", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("interaction-token-boom", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_AnswersInFlightInteractions_ThenClosesWith1000()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingInteractionHandler
        {
            Behaviour = async (_, cancellationToken) =>
            {
                started.TrySetResult();
                await Task.Delay(300, cancellationToken);
            },
        };
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready()
                .Interaction("slow"));
        await using var bot = GatewayHarness.Start(gateway, handler);
        await gateway.WaitForScriptsAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions); // answered, not cancelled
        var connection = Assert.Single(gateway.Connections);
        await connection.ClientGone.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1000, connection.ClientCloseCode);
    }

    [Fact]
    public async Task Shutdown_DoesNotHangWhenThePeerNeverAnswersTheCloseFrame()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Hello()
                .ExpectIdentify()
                .Ready()
                .StopAnsweringClose());
        await using var bot = GatewayHarness.Start(gateway);
        await gateway.WaitForScriptsAsync();

        var took = await bot.StopAsync();

        Assert.True(took < bot.Client.CloseTimeout + TimeSpan.FromSeconds(2), $"shutdown took {took}");
        Assert.Equal(1000, Assert.Single(gateway.Connections).ClientCloseCode);
    }

    [Fact]
    public async Task RefusedConnects_AreRetriedWithBackoff()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript().Hello().ExpectIdentify().Ready().Interaction("i1"));
        gateway.RefuseNextConnections(2);
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(1, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Equal(2, bot.Logs.Entries.Count(e => e.Text.Contains("could not connect", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReconnectInsteadOfHello_BeforeAnySession_IdentifiesOnTheGatewayUrl()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript()
                .Reconnect()
                .ExpectResumableClose(),
            new GatewayScript()
                .ExpectPath("/gateway")
                .Hello()
                .ExpectIdentify()
                .Ready()
                .Interaction("i1"));
        await using var bot = GatewayHarness.Start(gateway);

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(1, gateway);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Single(gateway.Identifies);
    }
}
