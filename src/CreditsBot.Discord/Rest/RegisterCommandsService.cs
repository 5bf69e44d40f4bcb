using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Rest;

/// <summary>
/// At start, when Discord:RegisterCommandsOnStart and a token are set, registers the commands once. The
/// definitions do not depend on the index (documents are autocompleted live), so nothing waits for it; a
/// failure is logged, never fatal.
/// </summary>
public sealed class RegisterCommandsService(
    CommandRegistrar registrar,
    IOptions<DiscordOptions> options,
    ILogger<RegisterCommandsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Mode == DiscordMode.None || !settings.RegisterCommandsOnStart)
            return;
        if (string.IsNullOrWhiteSpace(settings.Token) || string.IsNullOrWhiteSpace(settings.ApplicationId))
        {
            logger.LogInformation("Not registering commands at start: set Discord__Token and Discord__ApplicationId (or run the register verb)");
            return;
        }

        try
        {
            var (scope, count) = await registrar.RegisterAsync(stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Registered {Count} command(s) ({Scope})", count, scope);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Could not register the commands: {Error}", ex.Message);
        }
    }
}
