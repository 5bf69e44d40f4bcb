using CreditsBot.Discord.Tests.Support;
using System.Diagnostics;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>The bot's gateway side (shard manager + interaction queue) pointed at a <see cref="FakeGateway"/>, with fast timings.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ILoggerFactory loggerFactory;

    private GatewayHarness(
        FakeGateway gateway,
        RecordingInteractionHandler handler,
        GatewayClientOptions client,
        DiscordOptions discord,
        GatewayBotInfo info,
        Exception? botInfoFailure)
    {
        Handler = handler;
        Client = client;
        loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        Queue = new GatewayInteractionQueue(handler, Options.Create(client), loggerFactory.CreateLogger<GatewayInteractionQueue>());
        BotInfo = new StaticBotInfoSource(info, botInfoFailure);
        gateway.ClientLog = () => Logs.AllText;
        var manager = new GatewayShardManager(BotInfo, Queue, Options.Create(discord), Options.Create(client), loggerFactory, Health);
        Run = Task.Run(() => manager.RunAsync(stop.Token));
    }

    public RecordingInteractionHandler Handler { get; }

    public GatewayHealth Health { get; } = new(TimeProvider.System);

    public GatewayClientOptions Client { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public GatewayInteractionQueue Queue { get; }

    public StaticBotInfoSource BotInfo { get; }

    /// <summary>The shard manager's run: ends on stop, or faults with <see cref="GatewayFatalException"/>.</summary>
    public Task Run { get; }

    public static GatewayClientOptions FastOptions() => new()
    {
        IdentifyWindow = TimeSpan.FromMilliseconds(300),
        InvalidSessionMinDelay = TimeSpan.FromMilliseconds(10),
        InvalidSessionMaxDelay = TimeSpan.FromMilliseconds(50),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        ConnectTimeout = TimeSpan.FromSeconds(3),
        CloseTimeout = TimeSpan.FromMilliseconds(500),
        DrainTimeout = TimeSpan.FromSeconds(2),
    };

    public static GatewayBotInfo BotInfoFor(FakeGateway gateway, int shards = 1, int maxConcurrency = 1, int remaining = 1000) =>
        new(gateway.GatewayUrl.ToString(), shards, new SessionStartLimit(1000, remaining, TimeSpan.FromHours(1), maxConcurrency));

    public static GatewayHarness Start(
        FakeGateway gateway,
        RecordingInteractionHandler? handler = null,
        GatewayClientOptions? client = null,
        DiscordOptions? discord = null,
        GatewayBotInfo? info = null,
        Exception? botInfoFailure = null) =>
        new(
            gateway,
            handler ?? new RecordingInteractionHandler(),
            client ?? FastOptions(),
            discord ?? new DiscordOptions { Mode = DiscordMode.Gateway, Token = FakeGateway.Token },
            info ?? BotInfoFor(gateway),
            botInfoFailure);

    /// <summary>Stops like the host would: shards close, then in-flight interactions are awaited. Returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(5));
        await Queue.DrainAsync(Client.DrainTimeout);
        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        // GATEWAY_TEST_LOG=folder keeps each run's client log, to read after a failure.
        if (Environment.GetEnvironmentVariable("GATEWAY_TEST_LOG") is { Length: > 0 } folder)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"gateway-{Guid.NewGuid():N}.log"), Logs.AllText);
        }

        await stop.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // The test already looked at how the run ended.
        }

        Queue.Dispose();
        loggerFactory.Dispose();
        stop.Dispose();

        // Whatever the scenario, the token never reaches a log line.
        Assert.DoesNotContain(FakeGateway.Token, Logs.AllText, StringComparison.Ordinal);
    }
}
