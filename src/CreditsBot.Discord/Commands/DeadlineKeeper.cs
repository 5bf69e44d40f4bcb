using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// Keeps Discord's 3-second deadline for either transport: the router's answer is returned when it is ready
/// within <c>deferAfter</c>; otherwise a deferral is returned at once and the answer follows through
/// PATCH @original when it is done. Autocomplete and PING are never deferred.
/// </summary>
public sealed class DeadlineKeeper(
    InteractionRouter router,
    IOriginalResponseEditor editor,
    TimeSpan deferAfter,
    ILogger<DeadlineKeeper>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<DeadlineKeeper>.Instance;

    /// <summary>
    /// Answers <paramref name="interaction"/> through <paramref name="sendInitial"/> (the HTTP response body, or
    /// POST …/callback on the gateway). When the answer needs a deferral, the answer itself is sent as an edit of
    /// the original only after <paramref name="sendInitial"/> has completed, so the edit never overtakes the deferral.
    /// </summary>
    /// <param name="backgroundToken">Cancels follow-up work (the app stopping), unlike a request's own token.</param>
    public async Task RespondAsync(Interaction interaction, Func<InteractionResponse, CancellationToken, Task> sendInitial, CancellationToken backgroundToken)
    {
        if (!InteractionRouter.CanDefer(interaction))
        {
            await sendInitial(await router.HandleAsync(interaction, backgroundToken).ConfigureAwait(false), backgroundToken).ConfigureAwait(false);
            return;
        }

        var work = Task.Run(() => router.HandleAsync(interaction, backgroundToken), backgroundToken);
        InteractionResponse answer;
        try
        {
            answer = await work.WaitAsync(deferAfter, backgroundToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await sendInitial(InteractionRouter.Deferral(interaction), backgroundToken).ConfigureAwait(false);
            _ = FinishLaterAsync(interaction, work, backgroundToken);
            return;
        }
        await sendInitial(answer, backgroundToken).ConfigureAwait(false);
    }

    /// <summary>The initial response alone (for callers that send it themselves); a deferral's edit follows on its own.</summary>
    public async Task<InteractionResponse> RespondAsync(Interaction interaction, CancellationToken backgroundToken)
    {
        InteractionResponse? initial = null;
        await RespondAsync(interaction, (response, _) => { initial = response; return Task.CompletedTask; }, backgroundToken).ConfigureAwait(false);
        return initial!;
    }

    private async Task FinishLaterAsync(Interaction interaction, Task<InteractionResponse> work, CancellationToken cancellationToken)
    {
        try
        {
            InteractionResponse response;
            try
            {
                response = await work.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Deferred interaction {InteractionId} failed", interaction.Id);
                response = ReplyBuilder.Error(InteractionRouter.FailureMessage);
            }
            var message = response.Data as MessagePayload ?? ReplyBuilder.EditOriginal(new ReplyModel { Content = InteractionRouter.FailureMessage });
            // An edit cannot change flags; the deferral already carried the ephemeral one.
            message.Flags = null;
            await editor.EditOriginalAsync(interaction.ApplicationId, interaction.Token, message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not send the deferred answer of interaction {InteractionId}", interaction.Id);
        }
    }
}
