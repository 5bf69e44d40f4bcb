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
                .Hello(heartbeatIntervalMs: 150)
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
        await bot.Handler.WaitForAsync(2);
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
        await bot.Handler.WaitForAsync(4);
        await bot.StopAsync();

        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.Single(gateway.Identifies); // resuming never identifies again
        Assert.Contains("op 7", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("resumed", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGateway.Token, bot.Logs.AllText, StringComparison.Ordinal);
    }
}
