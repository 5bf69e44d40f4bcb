using System.Text.Json;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Answers INTERACTION_CREATE received over the gateway (through <c>POST /interactions/{id}/{token}/callback</c>:
/// gateway replies are never gateway commands). Called once per interaction, concurrently with the receive loop;
/// an exception is logged and never reaches the connection.
/// </summary>
public interface IGatewayInteractionHandler
{
    /// <summary>Answers the interaction, deferring when the answer cannot be ready within the deadline that started at receipt.</summary>
    /// <param name="cancellationToken">Cancelled only when shutdown gives up waiting for in-flight interactions.</param>
    Task HandleAsync(ReceivedInteraction interaction, CancellationToken cancellationToken);

    /// <summary>The queue is full: answer at once with a short private "busy, try again", never leave it to expire.</summary>
    Task RejectBusyAsync(ReceivedInteraction interaction, CancellationToken cancellationToken);
}

/// <param name="Data">The dispatch's <c>d</c>, the Interaction object, detached from the frame it came in.</param>
/// <param name="ShardId">The shard that received it.</param>
/// <param name="ReceivedAt">When it arrived (<see cref="TimeProvider.GetTimestamp"/>): Discord's 3 seconds run from here.</param>
public readonly record struct ReceivedInteraction(JsonElement Data, int ShardId, long ReceivedAt);
