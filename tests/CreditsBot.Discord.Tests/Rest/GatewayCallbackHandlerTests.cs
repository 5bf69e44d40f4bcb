using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Rest;

public sealed class GatewayCallbackHandlerTests : IAsyncLifetime
{
    private FakeDiscordApi _api = null!;
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _api = await FakeDiscordApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private DiscordRestClient Rest(string? token = "bot-token") =>
        new(_http, Options.Create(new DiscordOptions { Token = token, ApiBaseUrl = _api.BaseUrl }), new RateLimitPolicy());

    private GatewayCallbackHandler Handler(TimeSpan deferAfter)
    {
        var rest = Rest();
        return new GatewayCallbackHandler(new InteractionResponder(new InteractionDispatcher(_search), rest, deferAfter), rest, NullLogger<GatewayCallbackHandler>.Instance);
    }

    private static JsonElement Element(string body) => JsonDocument.Parse(body).RootElement.Clone();

    [Fact]
    public async Task A_gateway_command_is_answered_through_the_callback_route()
    {
        await Handler(TimeSpan.FromSeconds(2)).HandleAsync(Element(Payloads.Command("person", ("name", "Greg Brockman"))), 0, CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v10/interactions/1533081865936830470/aW50ZXJhY3Rpb246MTUzMzA4MTg2NTkzNjgzMDQ3MDpFWEFNUExFX1RPS0VO/callback", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(4, body.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(0, body.RootElement.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task A_slow_gateway_command_is_deferred_by_callback_then_edited()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var patched = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        _api.Received += r => { if (r.Method == "PATCH") patched.TrySetResult(r); };

        await Handler(TimeSpan.FromMilliseconds(50)).HandleAsync(Element(Payloads.Command("person", ("name", "Greg Brockman"))), 0, CancellationToken.None);
        var callback = Assert.Single(_api.Requests);
        using (var body = JsonDocument.Parse(callback.Body))
            Assert.Equal(5, body.RootElement.GetProperty("type").GetInt32());

        gate.Set();
        var edit = await patched.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.EndsWith("/messages/@original", edit.Path);
        Assert.True(edit.At >= callback.At);
    }

    [Fact]
    public async Task A_malformed_payload_is_ignored_without_calling_discord()
    {
        await Handler(TimeSpan.FromSeconds(2)).HandleAsync(Element("""{"type":"x"}"""), 0, CancellationToken.None);
        await Handler(TimeSpan.FromSeconds(2)).HandleAsync(Element("""{"type":2,"id":"1"}"""), 0, CancellationToken.None);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Bot_info_comes_through_the_rest_client_and_a_401_is_fatal()
    {
        _api.Script("/gateway/bot",
            new ScriptedResponse(200, """{"url":"wss://gateway.discord.gg","shards":2,"session_start_limit":{"total":1000,"remaining":998,"reset_after":60000,"max_concurrency":1}}"""),
            new ScriptedResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        var info = await new RestGatewayBotInfoSource(Rest()).GetAsync(CancellationToken.None);
        Assert.Equal(new CreditsBot.Discord.Gateway.GatewayBotInfo("wss://gateway.discord.gg", 2,
            new CreditsBot.Discord.Gateway.SessionStartLimit(1000, 998, TimeSpan.FromMinutes(1), 1)), info);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => new RestGatewayBotInfoSource(Rest()).GetAsync(CancellationToken.None));
        Assert.Contains("Discord__Token", fatal.Message);
    }
}
