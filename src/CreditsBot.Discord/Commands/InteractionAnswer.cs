using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// How an interaction is answered: the initial response and, when <see cref="FollowUp"/> is set, one message sent
/// after it on the interaction's own token (POST /webhooks/{application}/{token}), once the response was delivered.
/// </summary>
/// <param name="Response">The HTTP body, or the body of POST …/callback on the gateway.</param>
/// <param name="FollowUp">"Post in channel": the public copy of the page whose private message the response updated.</param>
public sealed record InteractionAnswer(InteractionResponse Response, MessagePayload? FollowUp = null);
