using System.Net;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>GET /gateway/bot through the REST client, against a fake Discord REST on 127.0.0.1.</summary>
public sealed class RestGatewayBotInfoSourceTests
{
    private const string Token = "rest-token.SECRET";

    private static async Task<(WebApplication App, string BaseUrl)> StartRestAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/api/v10/gateway/bot", (HttpContext context) =>
            context.Request.Headers.Authorization == "Bot " + Token
                ? Results.Text(
                    """{"url":"wss://gateway.discord.gg","shards":9,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":16}}""",
                    "application/json")
                : Results.Json(new { message = "401: Unauthorized", code = 0 }, statusCode: 401));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, address + "/api/v10");
    }

    [Fact]
    public async Task ReadsUrlShardsAndSessionStartLimit_WithTheBotAuthorization()
    {
        var (app, baseUrl) = await StartRestAsync();
        await using var _ = app;
        using var http = new HttpClient();
        var source = new RestGatewayBotInfoSource(new DiscordRestClient(http, Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = baseUrl }), new RateLimitPolicy(TimeProvider.System)));

        var info = await source.GetAsync(CancellationToken.None);

        Assert.Equal(new GatewayBotInfo("wss://gateway.discord.gg", 9, new SessionStartLimit(1000, 999, TimeSpan.FromHours(4), 16)), info);
    }

    [Fact]
    public async Task RejectedToken_IsFatalAndSaysWhatToSet()
    {
        var (app, baseUrl) = await StartRestAsync();
        await using var _ = app;
        using var http = new HttpClient();
        var source = new RestGatewayBotInfoSource(new DiscordRestClient(http, Options.Create(new DiscordOptions { Token = "wrong", ApiBaseUrl = baseUrl }), new RateLimitPolicy(TimeProvider.System)));

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => source.GetAsync(CancellationToken.None));

        Assert.Contains("Discord__Token", error.Message, StringComparison.Ordinal);
    }
}
