using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Commands;

/// <summary>Edits an interaction's original response (PATCH /webhooks/{app}/{token}/messages/@original).</summary>
public interface IOriginalResponseEditor
{
    Task EditOriginalAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);
}
