using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Http;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Support;

public enum Transport { Http, Gateway }

/// <summary>
/// Sends interactions to the bot the way Discord does, over either transport, and returns the interaction
/// responses in order: signed POSTs to the HTTP endpoint (real Ed25519), or INTERACTION_CREATE from the scripted
/// fake gateway with the answers read from POST …/callback on the fake REST API.
/// </summary>
public static class Transports
{
    public static Task<IReadOnlyList<JsonElement>> AnswersAsync(Transport transport, ICreditsSearch search, params string[] interactions) =>
        transport == Transport.Http ? OverHttpAsync(search, interactions) : OverGatewayAsync(search, interactions);

    private static async Task<IReadOnlyList<JsonElement>> OverHttpAsync(ICreditsSearch search, string[] interactions)
    {
        await using var server = await InteractionsServer.StartAsync(search);
        var answers = new List<JsonElement>();
        foreach (var interaction in interactions)
        {
            using var response = await server.PostSignedAsync(interaction);
            response.EnsureSuccessStatusCode();
            answers.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
        return answers;
    }

    private static async Task<IReadOnlyList<JsonElement>> OverGatewayAsync(ICreditsSearch search, string[] interactions)
    {
        // Distinct ids, so that each callback names the interaction it answers.
        var sent = interactions.Select((body, i) => Payloads.WithId(body, (1533090000000000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await using var rest = await FakeDiscordApi.StartAsync();
        var script = new GatewayScript().Hello().ExpectIdentify().Ready();
        foreach (var body in sent)
            script = script.InteractionPayload(body);
        await using var gateway = await FakeGateway.StartAsync(script.ExpectHeartbeat());
        rest.Script("/gateway/bot", new ScriptedResponse(200, JsonSerializer.Serialize(new
        {
            url = gateway.GatewayUrl.ToString(),
            shards = 1,
            session_start_limit = new { total = 1000, remaining = 999, reset_after = 1000, max_concurrency = 1 },
        })));
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rest.Received += _ => { if (rest.To("/callback").Count >= sent.Count) all.TrySetResult(); };
        using var host = BuildGatewayHost(search, rest);

        await host.StartAsync();
        await all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        var callbacks = rest.To("/callback");
        return sent.Select((body, i) =>
        {
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
            var answer = Assert.Single(callbacks, c => c.Path.StartsWith($"/api/v10/interactions/{id}/", StringComparison.Ordinal));
            return JsonDocument.Parse(answer.Body).RootElement.Clone();
        }).ToList();
    }

    /// <summary>The bot's gateway side, wired as in production, over <paramref name="search"/> (and its connections, if it has them).</summary>
    internal static IHost BuildGatewayHost(ICreditsSearch search, FakeDiscordApi rest)
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
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(search);
        if (search is ICreditsConnections connections)
            builder.Services.AddSingleton(connections);
        builder.Services.AddDiscordInteractions(builder.Configuration);
        builder.Services.AddDiscordGateway(builder.Configuration);
        return builder.Build();
    }
}
