using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// The gateway's end of the one command core: parses INTERACTION_CREATE with the shared wire types, lets the
/// same <see cref="DeadlineKeeper"/> as the HTTP endpoint answer it (deferring when in doubt, measuring from the
/// moment it was received), and sends the answer through <c>POST /interactions/{id}/{token}/callback</c>.
/// </summary>
public sealed class GatewayInteractionHandler(
    DeadlineKeeper deadlineKeeper,
    DiscordRestClient rest,
    ILogger<GatewayInteractionHandler> logger) : IGatewayInteractionHandler
{
    public Task HandleAsync(ReceivedInteraction interaction, CancellationToken cancellationToken) =>
        Parse(interaction) is { } parsed
            ? deadlineKeeper.RespondAsync(parsed, Callback(parsed), cancellationToken, interaction.ReceivedAt)
            : Task.CompletedTask;

    public Task RejectBusyAsync(ReceivedInteraction interaction, CancellationToken cancellationToken) =>
        Parse(interaction) is { } parsed
            ? deadlineKeeper.RejectBusyAsync(parsed, Callback(parsed), cancellationToken, interaction.ReceivedAt)
            : Task.CompletedTask;

    private Func<InteractionResponse, CancellationToken, Task> Callback(Interaction parsed) =>
        (response, ct) => rest.CreateInteractionResponseAsync(parsed.Id, parsed.Token, response, ct);

    /// <summary>The interaction, or null (logged) when it cannot be answered: unreadable, or without id or token.</summary>
    private Interaction? Parse(ReceivedInteraction interaction)
    {
        Interaction? parsed;
        try
        {
            parsed = interaction.Data.Deserialize(DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Shard {Shard}: an INTERACTION_CREATE could not be read ({Problem}); it is dropped", interaction.ShardId, e.Message);
            return null;
        }

        if (parsed is null || parsed.Id.Length == 0 || parsed.Token.Length == 0)
        {
            logger.LogWarning("Shard {Shard}: an INTERACTION_CREATE had no id or token; it is dropped", interaction.ShardId);
            return null;
        }

        return parsed;
    }
}
