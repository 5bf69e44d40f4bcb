using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewayOptionsValidatorTests
{
    private static string? Failure(DiscordOptions options) => new GatewayOptionsValidator().Validate(null, options).FailureMessage;

    [Fact]
    public void GatewayModeNeedsAToken() =>
        Assert.Contains("Discord__Token", Failure(new DiscordOptions { Mode = DiscordMode.Both })!, StringComparison.Ordinal);

    [Fact]
    public void TokenWithBotPrefix_IsRejectedWithoutEchoingIt()
    {
        var failure = Failure(new DiscordOptions { Mode = DiscordMode.Gateway, Token = "Bot abc.def.secret" })!;

        Assert.Contains("without the prefix", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardIdsMustFitTheCount() =>
        Assert.Contains("Discord:ShardIds", Failure(new DiscordOptions { Mode = DiscordMode.Gateway, Token = "t", ShardCount = 2, ShardIds = [2] })!, StringComparison.Ordinal);

    [Fact]
    public void GatewayUrlMustBeAWebSocketUrl() =>
        Assert.Contains("Discord:GatewayUrl", Failure(new DiscordOptions { Mode = DiscordMode.Gateway, Token = "t", GatewayUrl = "http://x" })!, StringComparison.Ordinal);

    [Fact]
    public void HttpModeIgnoresGatewaySettings() =>
        Assert.Null(Failure(new DiscordOptions { Mode = DiscordMode.Http, ShardCount = -1 }));

    [Fact]
    public void ValidGatewaySettingsPass() =>
        Assert.Null(Failure(new DiscordOptions { Mode = DiscordMode.Gateway, Token = "t", ShardCount = 2, ShardIds = [0, 1], GatewayUrl = "wss://gateway.discord.gg" }));
}
