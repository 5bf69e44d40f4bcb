using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// The interaction's own webhook, for messages after the initial response (its token is valid for 15 minutes).
/// It needs no bot user, so it works where only the user installed the app.
/// </summary>
public interface IInteractionWebhook
{
    /// <summary>Edits the original response: PATCH /webhooks/{application}/{token}/messages/@original.</summary>
    Task EditOriginalAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);

    /// <summary>Sends a new message on the interaction's token: POST /webhooks/{application}/{token} (public unless flagged ephemeral).</summary>
    Task CreateFollowUpAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);
}
