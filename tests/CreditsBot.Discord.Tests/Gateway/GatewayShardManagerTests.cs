using System.Diagnostics;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Tests.Gateway.Fakes;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>Several shards in one process: which ones run, and how their IDENTIFYs are spaced.</summary>
public sealed class GatewayShardManagerTests
{
    private static GatewayScript ShardSession() =>
        new GatewayScript()
            .ExpectPath("/gateway")
            .Hello()
            .ExpectIdentify(d => Assert.Equal(0, d.GetProperty("intents").GetInt32()))
            .Ready()
            .Interaction(c => $"for-shard-{c.Shard}");

    private static int[] IdentifiedShardPair(FakeGateway gateway, int index) =>
        gateway.Identifies[index].Data.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    [Fact]
    public async Task RunsEveryRecommendedShard_WhenNoneConfigured_EachInteractionOnItsShard()
    {
        await using var gateway = await FakeGateway.StartAsync(ShardSession(), ShardSession());
        await using var bot = GatewayHarness.Start(gateway, info: GatewayHarness.BotInfoFor(gateway, shards: 2, maxConcurrency: 2));

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(2, gateway);
        await bot.StopAsync();

        var pairs = Enumerable.Range(0, 2).Select(i => IdentifiedShardPair(gateway, i)).OrderBy(p => p[0]).ToArray();
        Assert.Equal([[0, 2], [1, 2]], pairs);
        bot.Handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        Assert.All(bot.Handler.Answered, a => Assert.Equal($"for-shard-{a.Shard}", a.Id));
    }

    [Fact]
    public async Task RunsOnlyTheConfiguredShardIds_OfTheConfiguredCount()
    {
        await using var gateway = await FakeGateway.StartAsync(ShardSession(), ShardSession());
        var discord = new DiscordOptions { Mode = DiscordMode.Gateway, Token = FakeGateway.Token, ShardCount = 4, ShardIds = [3, 1] };
        await using var bot = GatewayHarness.Start(
            gateway, discord: discord, info: GatewayHarness.BotInfoFor(gateway, shards: 1, maxConcurrency: 4));

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(2, gateway);
        await bot.StopAsync();

        var pairs = Enumerable.Range(0, 2).Select(i => IdentifiedShardPair(gateway, i)).OrderBy(p => p[0]).ToArray();
        Assert.Equal([[1, 4], [3, 4]], pairs);
    }

    [Fact]
    public async Task IdentifyRateLimit_OneBucket_SpacesIdentifiesByTheWindow()
    {
        await using var gateway = await FakeGateway.StartAsync(ShardSession(), ShardSession());
        var client = GatewayHarness.FastOptions();
        client.IdentifyWindow = TimeSpan.FromMilliseconds(400);
        await using var bot = GatewayHarness.Start(gateway, client: client, info: GatewayHarness.BotInfoFor(gateway, shards: 2, maxConcurrency: 1));

        await gateway.WaitForScriptsAsync();
        await bot.StopAsync();

        var identifies = gateway.Identifies;
        Assert.Equal(2, identifies.Count);
        var gap = Stopwatch.GetElapsedTime(identifies[0].At, identifies[1].At);
        Assert.True(gap >= client.IdentifyWindow - TimeSpan.FromMilliseconds(20), $"second IDENTIFY only {gap} after the first");
        Assert.Equal(0, IdentifiedShardPair(gateway, 0)[0]); // buckets start in shard order
    }

    [Fact]
    public async Task IdentifyRateLimit_TwoBuckets_IdentifyTogether()
    {
        await using var gateway = await FakeGateway.StartAsync(ShardSession(), ShardSession());
        var client = GatewayHarness.FastOptions();
        client.IdentifyWindow = TimeSpan.FromSeconds(3);
        await using var bot = GatewayHarness.Start(gateway, client: client, info: GatewayHarness.BotInfoFor(gateway, shards: 2, maxConcurrency: 2));

        await gateway.WaitForScriptsAsync();
        await bot.StopAsync();

        var identifies = gateway.Identifies;
        Assert.True(Stopwatch.GetElapsedTime(identifies[0].At, identifies[1].At) < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task FatalCloseOnOneShard_StopsTheOthersCleanly()
    {
        await using var gateway = await FakeGateway.StartAsync(
            new GatewayScript().Hello().ExpectIdentify().Ready(),
            new GatewayScript().Hello().ExpectIdentify().Close(4010));
        await using var bot = GatewayHarness.Start(gateway, info: GatewayHarness.BotInfoFor(gateway, shards: 2, maxConcurrency: 1));

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(4010, fatal.CloseCode);
        Assert.Contains("Discord__ShardIds", fatal.Message, StringComparison.Ordinal);
        var healthy = gateway.Connections[0];
        await healthy.ClientGone.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1000, healthy.ClientCloseCode);
    }

    [Fact]
    public async Task ShardIdOutsideTheCount_StopsBeforeConnecting()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var discord = new DiscordOptions { Mode = DiscordMode.Gateway, Token = FakeGateway.Token, ShardIds = [2] };
        await using var bot = GatewayHarness.Start(gateway, discord: discord, info: GatewayHarness.BotInfoFor(gateway, shards: 2));

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => bot.Run.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Contains("Discord__ShardIds", fatal.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Connections);
    }

    [Fact]
    public async Task GatewayUrlSetting_OverridesTheUrlFromDiscord()
    {
        await using var gateway = await FakeGateway.StartAsync(ShardSession());
        var discord = new DiscordOptions { Mode = DiscordMode.Gateway, Token = FakeGateway.Token, GatewayUrl = gateway.GatewayUrl.ToString() };
        var elsewhere = new GatewayBotInfo("wss://gateway.invalid", 1, new SessionStartLimit(1000, 1000, TimeSpan.FromHours(1), 1));
        await using var bot = GatewayHarness.Start(gateway, discord: discord, info: elsewhere);

        await gateway.WaitForScriptsAsync();
        await bot.StopAsync();
    }

    [Fact]
    public async Task WithAConfiguredGatewayUrl_AFailingGatewayBotRoute_DoesNotKeepTheBotOffline()
    {
        await using var gateway = await FakeGateway.StartAsync(ShardSession());
        var discord = new DiscordOptions { Mode = DiscordMode.Gateway, Token = FakeGateway.Token, GatewayUrl = gateway.GatewayUrl.ToString() };
        await using var bot = GatewayHarness.Start(
            gateway, discord: discord, botInfoFailure: new HttpRequestException("404 from a gateway-only fake"));

        await gateway.WaitForScriptsAsync();
        await bot.Handler.WaitForAsync(1, gateway);
        await bot.StopAsync();

        Assert.Equal([0, 1], IdentifiedShardPair(gateway, 0));
        Assert.Equal(1, bot.BotInfo.Calls);
        Assert.Contains("going on with Discord:GatewayUrl", bot.Logs.AllText, StringComparison.Ordinal);
    }
}
