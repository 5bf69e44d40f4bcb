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

/// <summary>What the bot sent back: each interaction's response, in order, and every follow-up message it posted.</summary>
public sealed record TransportRun(IReadOnlyList<JsonElement> Answers, IReadOnlyList<RecordedRequest> FollowUps);

/// <summary>
/// Sends interactions to the bot the way Discord does, over either transport, and returns the interaction
/// responses in order: signed POSTs to the HTTP endpoint (real Ed25519), or INTERACTION_CREATE from the scripted
/// fake gateway with the answers read from POST …/callback on the fake REST API. Either way the bot's REST calls
/// (follow-ups, edits) go to that fake REST API on 127.0.0.1.
/// </summary>
public static class Transports
{
    public static async Task<IReadOnlyList<JsonElement>> AnswersAsync(Transport transport, ICreditsSearch search, params string[] interactions) =>
        (await RunAsync(transport, search, followUps: 0, interactions)).Answers;

    /// <param name="followUps">How many follow-ups to wait for; then the bot is stopped, which lets it finish what it was
    /// sending, so <see cref="TransportRun.FollowUps"/> holds every follow-up it would have sent.</param>
    public static Task<TransportRun> RunAsync(Transport transport, ICreditsSearch search, int followUps, params string[] interactions) =>
        transport == Transport.Http ? OverHttpAsync(search, followUps, interactions) : OverGatewayAsync(search, followUps, interactions);

    /// <summary>POST /webhooks/{application}/{token}: a new message on an interaction's token (not an edit of one).</summary>
    public static bool IsFollowUp(RecordedRequest request) =>
        request.Method == "POST" && request.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal) && !request.Path.Contains("/messages/", StringComparison.Ordinal);

    private static Task WhenFollowUpsArrived(FakeDiscordApi rest, int count)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        rest.Received += _ => { if (rest.Requests.Count(IsFollowUp) >= count) arrived.TrySetResult(); };
        if (count == 0)
            arrived.TrySetResult();
        return arrived.Task;
    }

    private static async Task<TransportRun> OverHttpAsync(ICreditsSearch search, int followUps, string[] interactions)
    {
        await using var rest = await FakeDiscordApi.StartAsync();
        var arrived = WhenFollowUpsArrived(rest, followUps);
        var answers = new List<JsonElement>();
        await using (var server = await InteractionsServer.StartAsync(search, new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = rest.BaseUrl }))
        {
            foreach (var interaction in interactions)
            {
                using var response = await server.PostSignedAsync(interaction);
                response.EnsureSuccessStatusCode();
                answers.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
            }
            await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        }
        return new TransportRun(answers, rest.Requests.Where(IsFollowUp).ToList());
    }

    private static async Task<TransportRun> OverGatewayAsync(ICreditsSearch search, int followUps, string[] interactions)
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
        var arrived = WhenFollowUpsArrived(rest, followUps);
        using var host = BuildGatewayHost(search, rest);

        await host.StartAsync();
        await all.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        var callbacks = rest.To("/callback");
        var answers = sent.Select((body, i) =>
        {
            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
            var answer = Assert.Single(callbacks, c => c.Path.StartsWith($"/api/v10/interactions/{id}/", StringComparison.Ordinal));
            return JsonDocument.Parse(answer.Body).RootElement.Clone();
        }).ToList();
        return new TransportRun(answers, rest.Requests.Where(IsFollowUp).ToList());
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
