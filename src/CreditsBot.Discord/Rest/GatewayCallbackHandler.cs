using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Rest;

/// <summary>
/// The gateway's way into the command core: parses the INTERACTION_CREATE payload, answers it through the same
/// responder as the HTTP endpoint, and sends the answer with POST /interactions/{id}/{token}/callback (a deferral
/// first, then PATCH @original, when the answer takes longer than the budget).
/// </summary>
public sealed class GatewayCallbackHandler(
    InteractionResponder responder,
    DiscordRestClient rest,
    ILogger<GatewayCallbackHandler> logger) : IGatewayInteractionHandler
{
    public async Task HandleAsync(JsonElement interaction, int shardId, CancellationToken cancellationToken)
    {
        Interaction? parsed;
        try
        {
            parsed = interaction.Deserialize(DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            parsed = null;
        }
        if (parsed is null || parsed.Id.Length == 0 || parsed.Token.Length == 0 || parsed.Type == InteractionType.Ping)
        {
            logger.LogWarning("Ignored a malformed interaction on shard {ShardId}", shardId);
            return;
        }

        await responder.RespondAsync(parsed,
            (response, ct) => rest.CreateInteractionResponseAsync(parsed.Id, parsed.Token, response, ct),
            cancellationToken).ConfigureAwait(false);
    }
}
