using System.Net;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string Token = "MTIxNjMwOTU3MjQwMzMzMTA3Mw.GhXyZ1.secret-token-value-for-tests";
    private const string AppId = "1216309572403331073";
    private FakeDiscordApi _api = null!;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _api = await FakeDiscordApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private DiscordRestClient Client(string? guildId = null, RateLimitPolicy? policy = null, RestRetrySettings? retry = null) => new(
        _http,
        Options.Create(new DiscordOptions { Token = Token, ApplicationId = AppId, GuildId = guildId, ApiBaseUrl = _api.BaseUrl }),
        policy ?? new RateLimitPolicy(),
        new LoggerFactory([_logs]).CreateLogger<DiscordRestClient>(),
        retry ?? new RestRetrySettings { ServerErrorBackoff = TimeSpan.FromMilliseconds(20) });

    private static ScriptedResponse RateLimited(double seconds, bool global = false) => new(429,
        $$"""{"message":"You are being rate limited.","retry_after":{{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
        new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Scope"] = global ? "global" : "user" });

    [Fact]
    public async Task Registration_puts_the_command_list_globally_with_bot_auth_and_user_agent()
    {
        var count = await Client().BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build());

        var request = Assert.Single(_api.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/api/v10/applications/{AppId}/commands", request.Path);
        Assert.Equal($"Bot {Token}", request.Headers["Authorization"]);
        Assert.Matches(@"^DiscordBot \(https?://\S+, \d+\.\d+\.\d+\S*\)$", request.Headers["User-Agent"]);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        using var body = JsonDocument.Parse(request.Body);
        var command = body.RootElement[0];
        Assert.Equal("credits", command.GetProperty("name").GetString());
        Assert.Equal(1, command.GetProperty("type").GetInt32());
        Assert.Equal(6, command.GetProperty("options").GetArrayLength()); // person, section, role, with, compare, about
        Assert.Equal(0, count); // the fake answers []
    }

    [Fact]
    public async Task With_a_guild_id_registration_targets_the_guild_and_twice_sends_the_same_body()
    {
        var client = Client(guildId: Payloads.GuildId);
        var commands = CreditsCommandDefinitions.Build();
        await client.BulkOverwriteCommandsAsync(commands);
        await client.BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build());

        var requests = _api.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal($"/api/v10/applications/{AppId}/guilds/{Payloads.GuildId}/commands", r.Path));
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Fact]
    public async Task Edits_and_callbacks_go_to_the_interaction_routes_without_the_bot_token()
    {
        var client = Client();
        await client.EditOriginalAsync(AppId, "interaction-token", ReplyBuilder.EditOriginal(new ReplyModel { Content = "hi @everyone" }));
        await client.CreateInteractionResponseAsync("1533081865936830470", "interaction-token", ReplyBuilder.DeferredReply(ephemeral: true));

        var requests = _api.Requests.ToList();
        Assert.Equal(("PATCH", $"/api/v10/webhooks/{AppId}/interaction-token/messages/@original"), (requests[0].Method, requests[0].Path));
        Assert.Equal(("POST", "/api/v10/interactions/1533081865936830470/interaction-token/callback"), (requests[1].Method, requests[1].Path));
        Assert.All(requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
        using var edit = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(0, edit.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        using var callback = JsonDocument.Parse(requests[1].Body);
        Assert.Equal(5, callback.RootElement.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task A_follow_up_is_posted_on_the_interaction_webhook_without_the_bot_token_and_rate_limits_are_waited_out()
    {
        _api.Script($"/webhooks/{AppId}/interaction-token", RateLimited(0.05));
        var client = Client();
        await client.CreateFollowUpAsync(AppId, "interaction-token", ReplyBuilder.FollowUp(new ReplyModel { Title = "Greg Brockman", Content = "hi @everyone" }));

        var requests = _api.Requests.ToList();
        Assert.Equal(2, requests.Count); // the 429, then the retry
        Assert.All(requests, r => Assert.Equal(("POST", $"/api/v10/webhooks/{AppId}/interaction-token"), (r.Method, r.Path)));
        Assert.All(requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
        using var body = JsonDocument.Parse(requests[1].Body);
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(body.RootElement.TryGetProperty("flags", out _)); // public
        Assert.Equal("Greg Brockman", body.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.DoesNotContain("interaction-token", _logs.AllText);
    }

    [Fact]
    public async Task Gateway_bot_info_is_read()
    {
        _api.Script("/gateway/bot", new ScriptedResponse(200,
            """{"url":"wss://gateway.discord.gg","shards":9,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}"""));
        var info = await Client().GetGatewayBotAsync();
        Assert.Equal("wss://gateway.discord.gg", info.Url);
        Assert.Equal(9, info.Shards);
        Assert.Equal(999, info.SessionStartLimit.Remaining);
        Assert.Equal(14400000, info.SessionStartLimit.ResetAfter);
        Assert.Equal(1, info.SessionStartLimit.MaxConcurrency);
        Assert.Equal($"Bot {Token}", Assert.Single(_api.Requests).Headers["Authorization"]);
    }

    [Fact]
    public async Task A_429_is_waited_out_once_then_the_request_succeeds()
    {
        _api.Script($"/applications/{AppId}/commands", RateLimited(0.2));
        await Client().BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build());

        var requests = _api.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(190), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Repeated_429s_stop_after_a_bounded_number_of_tries()
    {
        _api.Script($"/applications/{AppId}/commands", RateLimited(0.05), RateLimited(0.05), RateLimited(0.05), RateLimited(0.05), RateLimited(0.05));
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Client().BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build()));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_interaction_deadline_is_not_waited()
    {
        _api.Script($"/webhooks/{AppId}/tok/messages/@original", RateLimited(30));
        await Assert.ThrowsAsync<DiscordRestException>(() => Client().EditOriginalAsync(AppId, "tok", ReplyBuilder.EditOriginal(new ReplyModel { Content = "x" })));
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_global_limit_holds_ordinary_calls_but_not_interaction_edits()
    {
        var policy = new RateLimitPolicy();
        var client = Client(policy: policy, retry: new RestRetrySettings { MaxWait = TimeSpan.FromMilliseconds(100) });
        _api.Script("/gateway/bot", RateLimited(5, global: true));

        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync());
        var started = DateTime.UtcNow;
        await client.EditOriginalAsync(AppId, "tok", ReplyBuilder.EditOriginal(new ReplyModel { Content = "x" }));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
        // The ordinary route is now held back without touching the network.
        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync());
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task Bucket_headers_make_the_next_call_wait_for_the_reset()
    {
        var headers = new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "b1", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.2", ["X-RateLimit-Limit"] = "1" };
        _api.Script($"/applications/{AppId}/commands", new ScriptedResponse(200, "[]", headers));
        var client = Client();
        await client.BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build());
        await client.BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build());
        var requests = _api.Requests.ToList();
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(190));
    }

    [Fact]
    public async Task A_cloudflare_style_429_is_not_retried()
    {
        _api.Script("/gateway/bot", new ScriptedResponse(429, "error code: 1015", ContentType: "text/plain"));
        await Assert.ThrowsAsync<DiscordRestException>(() => Client().GetGatewayBotAsync());
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_then_succeed()
    {
        _api.Script("/gateway/bot", new ScriptedResponse(502), new ScriptedResponse(200,
            """{"url":"wss://g","shards":1,"session_start_limit":{"total":1,"remaining":1,"reset_after":0,"max_concurrency":1}}"""));
        Assert.Equal("wss://g", (await Client().GetGatewayBotAsync()).Url);
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_reports_discord_error_code()
    {
        _api.Script($"/applications/{AppId}/commands", new ScriptedResponse(400, """{"code":50035,"message":"Invalid Form Body","errors":{}}"""));
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => Client().BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build()));
        Assert.Equal(50035, error.Code);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task After_a_401_the_client_stops_calling_discord()
    {
        _api.Script("/gateway/bot", new ScriptedResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        var client = Client();
        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync());
        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync());
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task Neither_the_token_nor_interaction_tokens_reach_a_log_line()
    {
        _api.Script("/gateway/bot", new ScriptedResponse(500), new ScriptedResponse(500), new ScriptedResponse(500));
        _api.Script($"/webhooks/{AppId}/secret-interaction-token/messages/@original", RateLimited(0.01), new ScriptedResponse(404, """{"message":"Unknown Webhook","code":10015}"""));
        _api.Script($"/applications/{AppId}/commands", new ScriptedResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        var client = Client();
        await Assert.ThrowsAsync<DiscordRestException>(() => client.GetGatewayBotAsync());
        var followUp = await Assert.ThrowsAsync<DiscordRestException>(() => client.EditOriginalAsync(AppId, "secret-interaction-token", ReplyBuilder.EditOriginal(new ReplyModel { Content = "x" })));
        var register = await Assert.ThrowsAsync<DiscordRestException>(() => client.BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build()));

        Assert.True(_logs.Lines.Count >= 4);
        Assert.All(_logs.Lines.Append(followUp.Message).Append(register.Message), line =>
        {
            Assert.DoesNotContain(Token, line);
            Assert.DoesNotContain("secret-token-value", line);
            Assert.DoesNotContain("secret-interaction-token", line);
        });
    }

    [Fact]
    public async Task A_missing_token_names_the_setting_to_set()
    {
        var client = new DiscordRestClient(_http, Options.Create(new DiscordOptions { ApplicationId = AppId, ApiBaseUrl = _api.BaseUrl }), new RateLimitPolicy());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetGatewayBotAsync());
        Assert.Contains("Discord__Token", error.Message);
        Assert.Empty(_api.Requests);
    }
}
