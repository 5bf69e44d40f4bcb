using System.Text.Json;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Answers one INTERACTION_CREATE received over the gateway (through <c>POST /interactions/{id}/{token}/callback</c>:
/// gateway replies are never gateway commands). Called once per interaction, concurrently with the receive loop;
/// an exception is logged and never reaches the connection.
/// </summary>
public interface IGatewayInteractionHandler
{
    /// <param name="interaction">The dispatch's <c>d</c>, the Interaction object, detached from the frame it came in.</param>
    /// <param name="shardId">The shard that received it.</param>
    /// <param name="cancellationToken">Cancelled only when shutdown gives up waiting for in-flight interactions.</param>
    Task HandleAsync(JsonElement interaction, int shardId, CancellationToken cancellationToken);
}
