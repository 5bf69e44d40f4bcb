using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Rest;

/// <summary>Registers the commands with one bulk overwrite: to Discord:GuildId when set, globally otherwise.</summary>
public sealed class CommandRegistrar(DiscordRestClient rest, IOptions<DiscordOptions> options)
{
    /// <returns>Where the commands went ("guild 123…" or "global") and how many Discord now holds.</returns>
    public async Task<(string Scope, int Count)> RegisterAsync(CancellationToken cancellationToken)
    {
        var count = await rest.BulkOverwriteCommandsAsync(CreditsCommandDefinitions.Build(), cancellationToken).ConfigureAwait(false);
        var guild = options.Value.GuildId;
        return (string.IsNullOrWhiteSpace(guild) ? "global" : $"guild {guild}", count);
    }
}
