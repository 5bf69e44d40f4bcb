using CreditsBot.Discord.Diagnostics;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// Keeps Discord's 3-second deadline for either transport. The clock starts when the interaction was received:
/// the router's answer is sent when it is ready within <c>deferAfter</c> of that moment; otherwise a deferral is sent
/// (at once, if the interaction already waited that long for a worker) and the answer follows through PATCH
/// @original when it is done. An answer's follow-up message is sent on the interaction's webhook once the answer
/// itself was delivered. Autocomplete and PING are never deferred.
/// </summary>
public sealed class DeadlineKeeper(
    InteractionRouter router,
    IInteractionWebhook webhook,
    TimeSpan deferAfter,
    ILogger<DeadlineKeeper>? logger = null,
    TimeProvider? time = null,
    CreditsBotMetrics? metrics = null)
{
    /// <summary>The private answer when the bot has more interactions waiting than it will take on.</summary>
    public const string BusyMessage = "CreditsBot is busy right now. Please try again in a moment.";

    private readonly ILogger _logger = logger ?? NullLogger<DeadlineKeeper>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Answers <paramref name="interaction"/> through <paramref name="sendInitial"/> (the HTTP response body, or
    /// POST …/callback on the gateway). When the answer needs a deferral, the answer itself is sent as an edit of
    /// the original only after <paramref name="sendInitial"/> has completed, so the edit never overtakes the deferral;
    /// a follow-up likewise waits for the response (or the edit) it follows.
    /// </summary>
    /// <param name="backgroundToken">Cancels follow-up work (the app stopping), unlike a request's own token.</param>
    /// <param name="receivedAt">When the interaction arrived (<see cref="TimeProvider.GetTimestamp"/> of this keeper's clock); now if null.</param>
    public async Task RespondAsync(
        Interaction interaction,
        Func<InteractionResponse, CancellationToken, Task> sendInitial,
        CancellationToken backgroundToken,
        long? receivedAt = null)
    {
        var received = receivedAt ?? _time.GetTimestamp();
        if (!InteractionRouter.CanDefer(interaction))
        {
            var direct = await router.HandleAsync(interaction, backgroundToken).ConfigureAwait(false);
            await DeliverAsync(interaction, direct, received, sendInitial, backgroundToken).ConfigureAwait(false);
            return;
        }

        var budget = deferAfter - _time.GetElapsedTime(received);
        var work = Task.Run(() => router.HandleAsync(interaction, backgroundToken), backgroundToken);
        if (budget <= TimeSpan.Zero)
        {
            // It waited its whole budget for a worker: Discord must hear from us now, whatever the answer takes.
            await DeferAsync(interaction, work, "queued", received, sendInitial, backgroundToken).ConfigureAwait(false);
            return;
        }

        InteractionAnswer answer;
        try
        {
            answer = await work.WaitAsync(budget, backgroundToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await DeferAsync(interaction, work, "timer", received, sendInitial, backgroundToken).ConfigureAwait(false);
            return;
        }

        await DeliverAsync(interaction, answer, received, sendInitial, backgroundToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The initial response alone (for callers that send it themselves); a deferral's edit, and a follow-up, are
    /// sent on their own, as soon as the response is handed over.
    /// </summary>
    public async Task<InteractionResponse> RespondAsync(Interaction interaction, CancellationToken backgroundToken)
    {
        InteractionResponse? initial = null;
        await RespondAsync(interaction, (response, _) => { initial = response; return Task.CompletedTask; }, backgroundToken).ConfigureAwait(false);
        return initial!;
    }

    /// <summary>Answers at once without running the command: a private "busy" (or no choices, for autocomplete).</summary>
    public Task RejectBusyAsync(
        Interaction interaction,
        Func<InteractionResponse, CancellationToken, Task> sendInitial,
        CancellationToken backgroundToken,
        long? receivedAt = null)
    {
        var busy = interaction.Type switch
        {
            InteractionType.Ping => ReplyBuilder.Pong(),
            InteractionType.ApplicationCommandAutocomplete => ReplyBuilder.Autocomplete([]),
            _ => ReplyBuilder.Error(BusyMessage),
        };
        return SendInitialAsync(interaction, busy, "busy", receivedAt ?? _time.GetTimestamp(), sendInitial, backgroundToken);
    }

    /// <summary>The name metrics give an interaction: its command and subcommand ("credits person"), or its kind.</summary>
    public static string CommandOf(Interaction interaction) => interaction.Type switch
    {
        InteractionType.ApplicationCommand => interaction.Data is { Name: { Length: > 0 } name } data
            ? data.Options is [{ Type: ApplicationCommandOptionType.SubCommand } sub, ..] ? $"{name} {sub.Name}" : name
            : "command",
        InteractionType.ApplicationCommandAutocomplete => "autocomplete",
        InteractionType.MessageComponent => "component",
        InteractionType.Ping => "ping",
        _ => "other",
    };

    private async Task DeferAsync(
        Interaction interaction,
        Task<InteractionAnswer> work,
        string reason,
        long received,
        Func<InteractionResponse, CancellationToken, Task> sendInitial,
        CancellationToken backgroundToken)
    {
        metrics?.Deferred(reason);
        await SendInitialAsync(interaction, InteractionRouter.Deferral(interaction), "deferred", received, sendInitial, backgroundToken).ConfigureAwait(false);
        _ = FinishLaterAsync(interaction, work, backgroundToken);
    }

    private async Task DeliverAsync(
        Interaction interaction,
        InteractionAnswer answer,
        long received,
        Func<InteractionResponse, CancellationToken, Task> sendInitial,
        CancellationToken backgroundToken)
    {
        await SendInitialAsync(interaction, answer.Response, "answered", received, sendInitial, backgroundToken).ConfigureAwait(false);
        await FollowUpAsync(interaction, answer.FollowUp, backgroundToken).ConfigureAwait(false);
    }

    private async Task SendInitialAsync(
        Interaction interaction,
        InteractionResponse response,
        string outcome,
        long received,
        Func<InteractionResponse, CancellationToken, Task> sendInitial,
        CancellationToken backgroundToken)
    {
        try
        {
            await sendInitial(response, backgroundToken).ConfigureAwait(false);
        }
        catch
        {
            metrics?.Interaction(CommandOf(interaction), "failed", _time.GetElapsedTime(received));
            throw;
        }

        metrics?.Interaction(CommandOf(interaction), outcome, _time.GetElapsedTime(received));
    }

    private async Task FinishLaterAsync(Interaction interaction, Task<InteractionAnswer> work, CancellationToken cancellationToken)
    {
        InteractionAnswer answer;
        try
        {
            try
            {
                answer = await work.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Deferred interaction {InteractionId} failed", interaction.Id);
                answer = new InteractionAnswer(ReplyBuilder.Error(InteractionRouter.FailureMessage));
            }
            var message = answer.Response.Data as MessagePayload ?? ReplyBuilder.EditOriginal(new ReplyModel { Content = InteractionRouter.FailureMessage });
            // An edit cannot change flags; the deferral already carried the ephemeral one.
            message.Flags = null;
            await webhook.EditOriginalAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not send the deferred answer of interaction {InteractionId}", interaction.Id);
            return;
        }
        await FollowUpAsync(interaction, answer.FollowUp, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="followUp"/> (if any) on the interaction's webhook. A failure is logged by interaction id
    /// (never the token, which is in the path) and goes no further: the answer itself was already delivered.
    /// </summary>
    private async Task FollowUpAsync(Interaction interaction, MessagePayload? followUp, CancellationToken cancellationToken)
    {
        if (followUp is null)
            return;
        try
        {
            await webhook.CreateFollowUpAsync(interaction.ApplicationId, interaction.Token, followUp, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not send the follow-up message of interaction {InteractionId}", interaction.Id);
        }
    }
}
