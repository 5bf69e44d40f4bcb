using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Http;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using CreditsBot.Discord.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>
/// The gateway transport end to end, wired as the host wires it: INTERACTION_CREATE from a fake gateway goes
/// through the one command core and comes back as POST /interactions/{id}/{token}/callback on a fake REST API.
/// </summary>
[Collection(nameof(ProcessExitCodeCollection))]
public sealed class GatewayInteractionResponderTests
{
    private static IHost BuildHost(FakeGateway gateway, FakeDiscordApi rest, CapturingLoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Gateway",
            ["Discord:Token"] = FakeGateway.Token,
            ["Discord:ApplicationId"] = Payloads.ApplicationId,
            ["Discord:ApiBaseUrl"] = rest.BaseUrl,
            ["Discord:RegisterCommandsOnStart"] = "false",
            ["Discord:Gateway:IdentifyWindow"] = "00:00:00.100",
            ["Discord:Gateway:ReconnectBaseDelay"] = "00:00:00.020",
            ["Discord:Gateway:CloseTimeout"] = "00:00:00.500",
        });
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<ICreditsSearch>(new FakeCreditsSearch(TestCatalog.Create()));
        builder.Services.AddDiscordInteractions(builder.Configuration);
        builder.Services.AddDiscordGateway(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task A_slash_command_over_the_gateway_is_answered_once_through_the_callback_endpoint()
    {
        await using var rest = await FakeDiscordApi.StartAsync();
        await using var gateway = await FakeGateway.StartAsync(new GatewayScript()
            .Hello().ExpectIdentify().Ready()
            .InteractionPayload(Payloads.Command("person", ("name", "greg brockman")))
            .ExpectHeartbeat());
        rest.Script("/gateway/bot", new ScriptedResponse(200, JsonSerializer.Serialize(new
        {
            url = gateway.GatewayUrl.ToString(),
            shards = 1,
            session_start_limit = new { total = 1000, remaining = 999, reset_after = 1000, max_concurrency = 1 },
        })));
        var callback = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        rest.Received += r => { if (r.Path.EndsWith("/callback", StringComparison.Ordinal)) callback.TrySetResult(r); };
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(gateway, rest, logs);

        await host.StartAsync();
        var answered = await callback.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await host.StopAsync();

        Assert.Equal("POST", answered.Method);
        Assert.StartsWith("/api/v10/interactions/1533081865936830470/", answered.Path, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(answered.Body);
        Assert.Equal(4, body.RootElement.GetProperty("type").GetInt32());
        Assert.Contains("Greg Brockman", body.RootElement.GetProperty("data").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Single(rest.To("/callback"));
        Assert.Single(rest.To("/gateway/bot"));
        Assert.DoesNotContain(FakeGateway.Token, logs.AllText, StringComparison.Ordinal);
    }
}
