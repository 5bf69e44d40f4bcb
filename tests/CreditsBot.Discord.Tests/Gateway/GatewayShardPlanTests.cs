using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewayShardPlanTests
{
    private static readonly GatewayBotInfo Discord = new(
        "wss://gateway.discord.gg", 3, new SessionStartLimit(1000, 1000, TimeSpan.FromHours(1), 1));

    [Fact]
    public void NothingConfigured_RunsEveryShardDiscordRecommends()
    {
        var plan = GatewayShardPlan.From(new DiscordOptions(), Discord);

        Assert.Equal(3, plan.ShardCount);
        Assert.Equal([0, 1, 2], plan.ShardIds);
        Assert.Equal(new Uri("wss://gateway.discord.gg"), plan.GatewayUrl);
    }

    [Fact]
    public void ConfiguredCountAndIds_WinOverDiscordsRecommendation()
    {
        var plan = GatewayShardPlan.From(
            new DiscordOptions { ShardCount = 8, ShardIds = [5, 4], GatewayUrl = "ws://127.0.0.1:9/gw" }, Discord);

        Assert.Equal(8, plan.ShardCount);
        Assert.Equal([4, 5], plan.ShardIds);
        Assert.Equal("127.0.0.1:9", plan.GatewayUrl.Authority);
    }

    [Fact]
    public void IdsOutsideTheCount_AreRejectedNamingTheSetting()
    {
        var error = Assert.Throws<GatewayFatalException>(() => GatewayShardPlan.From(new DiscordOptions { ShardIds = [3] }, Discord));

        Assert.Contains("Discord__ShardIds", error.Message, StringComparison.Ordinal);
        Assert.Contains("0..2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NonWebSocketUrl_IsRejectedNamingTheSetting()
    {
        var error = Assert.Throws<GatewayFatalException>(() => GatewayShardPlan.From(new DiscordOptions { GatewayUrl = "https://example.invalid" }, Discord));

        Assert.Contains("Discord__GatewayUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeUrls_GetTheVersionAndEncodingQuery()
    {
        Assert.Equal("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json", GatewayConnection.WithGatewayQuery(new Uri("wss://gateway-us-east1-b.discord.gg")).ToString());
        Assert.Equal("ws://127.0.0.1:5000/resume?v=10&encoding=json", GatewayConnection.WithGatewayQuery(new Uri("ws://127.0.0.1:5000/resume")).ToString());
    }
}
