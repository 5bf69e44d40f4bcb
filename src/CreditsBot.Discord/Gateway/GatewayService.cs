using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// The gateway worker (Discord:Mode Gateway or Both). A fatal gateway error logs what to fix, sets a non-zero exit
/// code and stops the host, rather than looping on a token Discord will never accept. On shutdown the shards close
/// with 1000 and the interactions in flight are answered before the worker returns.
/// </summary>
public sealed class GatewayService(
    IServiceProvider services,
    IOptions<DiscordOptions> discordOptions,
    IOptions<GatewayClientOptions> clientOptions,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayService> logger) : BackgroundService
{
    /// <summary>The process exit code after a fatal gateway error.</summary>
    public const int FatalExitCode = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (discordOptions.Value.Mode is not (DiscordMode.Gateway or DiscordMode.Both))
        {
            logger.LogInformation("Gateway disabled (Discord:Mode is {Mode})", discordOptions.Value.Mode);
            return;
        }

        GatewayInteractionQueue? queue = null;
        try
        {
            // Resolved here, not injected: with the gateway off, the host needs no interaction handler at all.
            queue = services.GetRequiredService<GatewayInteractionQueue>();
            await services.GetRequiredService<GatewayShardManager>().RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (GatewayFatalException ex)
        {
            logger.LogCritical("The gateway stopped for good. {Fix}", ex.Message);
            Fail();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "The gateway worker crashed: {Error}", ex.Message);
            Fail();
        }
        finally
        {
            if (queue is not null)
            {
                await queue.DrainAsync(clientOptions.Value.DrainTimeout).ConfigureAwait(false);
            }
        }
    }

    private void Fail()
    {
        Environment.ExitCode = FatalExitCode;
        lifetime.StopApplication();
    }
}
