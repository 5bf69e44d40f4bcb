using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// The gateway's end of the one command core: parses INTERACTION_CREATE with the shared wire types, lets the
/// same <see cref="DeadlineKeeper"/> as the HTTP endpoint answer it (deferring when in doubt), and
/// sends the answer through <c>POST /interactions/{id}/{token}/callback</c>.
/// </summary>
public sealed class GatewayInteractionHandler(
    DeadlineKeeper deadlineKeeper,
    DiscordRestClient rest,
    ILogger<GatewayInteractionHandler> logger) : IGatewayInteractionHandler
{
    public async Task HandleAsync(JsonElement interaction, int shardId, CancellationToken cancellationToken)
    {
        Interaction? parsed;
        try
        {
            parsed = interaction.Deserialize(DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Shard {Shard}: an INTERACTION_CREATE could not be read ({Problem}); it is dropped", shardId, e.Message);
            return;
        }

        if (parsed is null || parsed.Id.Length == 0 || parsed.Token.Length == 0)
        {
            logger.LogWarning("Shard {Shard}: an INTERACTION_CREATE had no id or token; it is dropped", shardId);
            return;
        }

        await deadlineKeeper.RespondAsync(
            parsed,
            (response, ct) => rest.CreateInteractionResponseAsync(parsed.Id, parsed.Token, response, ct),
            cancellationToken).ConfigureAwait(false);
    }
}
