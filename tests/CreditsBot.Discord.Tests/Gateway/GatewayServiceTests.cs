using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Gateway;

/// <summary>The worker as the host runs it: wired by AddDiscordGateway, validated at start, stopped by the host.</summary>
[Collection(nameof(ProcessExitCodeCollection))]
public sealed class GatewayServiceTests
{
    private static IHost BuildHost(
        FakeGateway? gateway,
        CapturingLoggerProvider logs,
        Dictionary<string, string?> settings,
        RecordingInteractionHandler? handler = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        if (gateway is not null)
        {
            builder.Services.AddSingleton<IGatewayBotInfoSource>(new StaticBotInfoSource(GatewayHarness.BotInfoFor(gateway)));
        }

        if (handler is not null)
        {
            builder.Services.AddSingleton<IGatewayInteractionHandler>(handler);
        }

        builder.Services.AddDiscordGateway(builder.Configuration);
        return builder.Build();
    }

    private static Dictionary<string, string?> GatewaySettings(FakeGateway gateway) => new()
    {
        ["Discord:Mode"] = "Gateway",
        ["Discord:Token"] = FakeGateway.Token,
        ["Discord:GatewayUrl"] = gateway.GatewayUrl.ToString(),
        ["Discord:Gateway:IdentifyWindow"] = "00:00:00.100",
        ["Discord:Gateway:ReconnectBaseDelay"] = "00:00:00.020",
        ["Discord:Gateway:ReconnectMaxDelay"] = "00:00:00.200",
        ["Discord:Gateway:CloseTimeout"] = "00:00:00.500",
        ["Discord:Gateway:DrainTimeout"] = "00:00:02",
    };

    [Fact]
    public async Task FatalClose_LogsTheFix_SetsANonZeroExitCode_AndStopsTheHost()
    {
        await using var gateway = await FakeGateway.StartAsync(new GatewayScript().Hello().ExpectIdentify().Close(4004));
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(gateway, logs, GatewaySettings(gateway), new RecordingInteractionHandler());
        var stopping = new TaskCompletionSource();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        var exitCodeBefore = Environment.ExitCode;
        try
        {
            await host.StartAsync();
            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(5));
            await host.StopAsync();

            Assert.Equal(GatewayService.FatalExitCode, Environment.ExitCode);
            var critical = Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
            Assert.Contains("Discord__Token", critical.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeGateway.Token, logs.AllText, StringComparison.Ordinal);
            Assert.Single(gateway.Connections);
        }
        finally
        {
            Environment.ExitCode = exitCodeBefore;
        }
    }

    [Fact]
    public async Task HostStop_AnswersInFlightInteractions_AndClosesWith1000()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingInteractionHandler
        {
            Behaviour = async (_, cancellationToken) =>
            {
                started.TrySetResult();
                await Task.Delay(300, cancellationToken);
            },
        };
        await using var gateway = await FakeGateway.StartAsync(new GatewayScript().Hello().ExpectIdentify().Ready().Interaction("slow"));
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(gateway, logs, GatewaySettings(gateway), handler);

        await host.StartAsync();
        await gateway.WaitForScriptsAsync();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await host.StopAsync();

        handler.AssertEachAnsweredOnce(gateway.SentInteractions);
        var connection = Assert.Single(gateway.Connections);
        await connection.ClientGone.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(1000, connection.ClientCloseCode);
        Assert.Contains("connected", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGateway.Token, logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayMode_WithoutToken_FailsAtStartNamingTheSetting()
    {
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(null, logs, new() { ["Discord:Mode"] = "Gateway" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Discord__Token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    // Without AddDiscordInteractions the default handler (GatewayInteractionHandler) has no command core.
    public async Task GatewayMode_WithoutTheCommandCore_StopsTheHostSayingWhatIsMissing()
    {
        await using var gateway = await FakeGateway.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(gateway, logs, GatewaySettings(gateway), handler: null);
        var stopping = new TaskCompletionSource();
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        var exitCodeBefore = Environment.ExitCode;
        try
        {
            await host.StartAsync();
            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(5));
            await host.StopAsync();

            Assert.NotEqual(0, Environment.ExitCode);
            Assert.Contains(nameof(CreditsBot.Discord.Commands.DeadlineKeeper), logs.AllText, StringComparison.Ordinal);
            Assert.Empty(gateway.Connections);
        }
        finally
        {
            Environment.ExitCode = exitCodeBefore;
        }
    }

    [Fact]
    public async Task HttpMode_LeavesTheGatewayOff_AndNeedsNoInteractionHandler()
    {
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(null, logs, new() { ["Discord:Mode"] = "Http" });

        await host.StartAsync();
        for (var i = 0; i < 200 && !logs.AllText.Contains("Gateway disabled", StringComparison.Ordinal); i++)
        {
            await Task.Delay(10); // the worker runs off the start path
        }

        await host.StopAsync();

        Assert.Contains("Gateway disabled", logs.AllText, StringComparison.Ordinal);
    }
}

/// <summary>Tests that touch <see cref="Environment.ExitCode"/> run one at a time.</summary>
[CollectionDefinition(nameof(ProcessExitCodeCollection), DisableParallelization = true)]
public sealed class ProcessExitCodeCollection;
