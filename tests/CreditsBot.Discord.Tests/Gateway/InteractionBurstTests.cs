using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>
/// A burst of gateway interactions while Discord's REST API answers slowly, through the real queue, handler,
/// deadline keeper and REST client: every interaction gets exactly one initial callback, well inside the 3 s.
/// </summary>
public sealed class InteractionBurstTests : IAsyncLifetime
{
    private const int Burst = 40;
    private static readonly TimeSpan SlowRest = TimeSpan.FromMilliseconds(400);
    private FakeDiscordApi api = null!;
    private readonly HttpClient http = new();
    private readonly ConcurrentDictionary<string, long> callbackAt = new();
    private readonly ConcurrentQueue<string> callbacks = new();

    public async Task InitializeAsync()
    {
        api = await FakeDiscordApi.StartAsync();
        api.Delay = SlowRest;
        api.Received += request =>
        {
            // /api/v10/interactions/{id}/{token}/callback
            var parts = request.Path.Split('/');
            if (parts is [.., "interactions", var id, _, "callback"])
            {
                callbackAt.TryAdd(id, Stopwatch.GetTimestamp());
                callbacks.Enqueue(id);
            }
        };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task ABurstAgainstSlowRest_IsAnsweredOnceEach_InTime_TheOverflowBusy()
    {
        var rest = new DiscordRestClient(http, Options.Create(new DiscordOptions { ApiBaseUrl = api.BaseUrl }), new RateLimitPolicy());
        var keeper = new DeadlineKeeper(new InteractionRouter(new FakeCreditsSearch(TestCatalog.Create())), rest, TimeSpan.FromMilliseconds(2000));
        var handler = new GatewayInteractionHandler(keeper, rest, NullLogger<GatewayInteractionHandler>.Instance);
        using var queue = new GatewayInteractionQueue(
            handler,
            Options.Create(new GatewayClientOptions { MaxConcurrentInteractions = 4, MaxQueuedInteractions = 4 }),
            NullLogger<GatewayInteractionQueue>.Instance);

        var dispatchedAt = new Dictionary<string, long>();
        for (var i = 0; i < Burst; i++)
        {
            var id = (1533081865936830470L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            dispatchedAt[id] = Stopwatch.GetTimestamp();
            queue.Dispatch(Command(id), shardId: 0);
        }

        await queue.DrainAsync(TimeSpan.FromSeconds(30));

        // Exactly one initial response per interaction: none lost, none doubled.
        Assert.Equal(dispatchedAt.Keys.Order(), callbacks.Order());
        var slowest = dispatchedAt.Max(d => Stopwatch.GetElapsedTime(d.Value, callbackAt[d.Key]));
        // Before the bounded queue, the last of 40 waited for ten rounds of 400 ms: about 4 s, past Discord's 3 s.
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"the slowest initial response came {slowest.TotalMilliseconds:0} ms after receipt");
        var busy = api.Requests.Count(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)
            && r.Body.Contains(DeadlineKeeper.BusyMessage, StringComparison.Ordinal));
        Assert.InRange(busy, Burst - 16, Burst - 4); // what neither a worker nor the queue could take
    }

    private static JsonElement Command(string id)
    {
        var body = Payloads.Interaction(2, id, "token-" + id, """
            {"id":"1531692711936131077","name":"credits","type":1,"options":[{"name":"person","type":1,"options":[{"name":"name","type":3,"value":"Greg Brockman"}]}]}
            """);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
