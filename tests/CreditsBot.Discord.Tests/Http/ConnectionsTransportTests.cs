using System.Net;
using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Http;
using CreditsBot.Discord.Tests.Gateway;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using CreditsBot.Discord.Tests.Support;
using Microsoft.Extensions.Hosting;

namespace CreditsBot.Discord.Tests.Http;

/// <summary>
/// <c>/credits with</c> and <c>/credits compare</c> over both transports, wired as the host wires them, on the real
/// search: a request signed with a real Ed25519 key on the HTTP endpoint, and INTERACTION_CREATE from the scripted
/// fake gateway answered through the callback endpoint. A slow machine may defer first; the answer is then the edit.
/// </summary>
[Collection(nameof(ProcessExitCodeCollection))]
public sealed class ConnectionsTransportTests : IDisposable
{
    private readonly CreditsSearchEngine _search = new();

    public ConnectionsTransportTests() => _search.Publish(TestCatalog.Create(), "test");

    public void Dispose() => _search.Dispose();

    [Fact]
    public async Task A_signed_with_command_on_the_endpoint_gets_the_ranked_collaborators()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        await using var server = await InteractionsServer.StartAsync(_search, new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = api.BaseUrl });

        using var response = await server.PostSignedAsync(Payloads.Command("with", ("name", "greg brockman"), ("private", true)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var message = await Answer(JsonDocument.Parse(await response.Content.ReadAsStringAsync()), api);
        var embed = message.RootElement.GetProperty("embeds")[0];
        Assert.Equal("Who worked with Greg Brockman", embed.GetProperty("title").GetString());
        Assert.Contains("1\\. **Alex Paino** — 1", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, message.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task A_signed_compare_and_its_page_button_on_the_endpoint()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        await using var server = await InteractionsServer.StartAsync(_search, new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = api.BaseUrl });

        using var response = await server.PostSignedAsync(Payloads.Command("compare", ("a", "prolific person"), ("b", "greg brockman")));
        using var message = await Answer(JsonDocument.Parse(await response.Content.ReadAsStringAsync()), api);
        var embed = message.RootElement.GetProperty("embeds")[0];
        Assert.Equal("Prolific Person and Greg Brockman", embed.GetProperty("title").GetString());
        Assert.Contains("No link within 4 steps.", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        var next = message.RootElement.GetProperty("components")[0].GetProperty("components")[1].GetProperty("custom_id").GetString()!;

        using var click = await server.PostSignedAsync(Payloads.Button(next));
        using var page = JsonDocument.Parse(await click.Content.ReadAsStringAsync());
        Assert.True(page.RootElement.GetProperty("type").GetInt32() is 7 or 6);
        if (page.RootElement.GetProperty("type").GetInt32() == 7)
            Assert.StartsWith("Page 2/", page.RootElement.GetProperty("data").GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compare_command_over_the_gateway_is_answered_through_the_callback_endpoint()
    {
        await using var rest = await FakeDiscordApi.StartAsync();
        await using var gateway = await FakeGateway.StartAsync(new GatewayScript()
            .Hello().ExpectIdentify().Ready()
            .InteractionPayload(Payloads.Command("compare", ("a", "jakub pachocki"), ("b", "alex paino")))
            .ExpectHeartbeat());
        rest.Script("/gateway/bot", new ScriptedResponse(200, JsonSerializer.Serialize(new
        {
            url = gateway.GatewayUrl.ToString(),
            shards = 1,
            session_start_limit = new { total = 1000, remaining = 999, reset_after = 1000, max_concurrency = 1 },
        })));
        var answered = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        rest.Received += r =>
        {
            // The answer is the callback, or after a deferral (type 5) the edit of the original.
            if ((r.Path.EndsWith("/callback", StringComparison.Ordinal) && !r.Body.Contains("\"type\":5", StringComparison.Ordinal)) || r.Method == "PATCH")
                answered.TrySetResult(r);
        };
        using var host = BuildGatewayHost(rest);

        await host.StartAsync();
        var request = await answered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        using var body = JsonDocument.Parse(request.Body);
        var message = request.Method == "PATCH" ? body.RootElement : body.RootElement.GetProperty("data");
        var embed = message.GetProperty("embeds")[0];
        Assert.Equal("Jakub Pachocki and Alex Paino", embed.GetProperty("title").GetString());
        Assert.Contains("Linked in 2 steps", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, message.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    private IHost BuildGatewayHost(FakeDiscordApi rest) => Transports.BuildGatewayHost(_search, rest);

    /// <summary>The message of an endpoint response: the inline reply (type 4), or the PATCH that follows a deferral (type 5).</summary>
    private static async Task<JsonDocument> Answer(JsonDocument response, FakeDiscordApi api)
    {
        using (response)
        {
            var type = response.RootElement.GetProperty("type").GetInt32();
            if (type == 4)
                return JsonDocument.Parse(response.RootElement.GetProperty("data").GetRawText());
            Assert.Equal(5, type);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (api.Requests.All(r => r.Method != "PATCH") && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            return JsonDocument.Parse(api.Requests.First(r => r.Method == "PATCH").Body);
        }
    }
}
