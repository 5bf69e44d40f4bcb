using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// The one entry point both transports use: a parsed interaction in, the interaction response out. Everything
/// goes through the interaction itself (no REST call of its own), so it works where only the user installed the
/// app. It never throws for a single interaction's sake: a failure becomes an ephemeral error reply.
/// </summary>
/// <remarks>Without <see cref="ICreditsConnections"/> (a search that has none), <c>with</c> and <c>compare</c> say so.</remarks>
public sealed class InteractionRouter(ICreditsSearch search, ILogger<InteractionRouter>? logger = null, ICreditsConnections? connections = null)
{
    public const string NoConnectionsMessage = "This bot's search cannot answer who worked with whom.";
    private readonly CreditsCommandHandlers _handlers = new(search);
    private readonly ConnectionsCommandHandlers? _connections = connections is null ? null : new(search, connections);
    private readonly ILogger _logger = logger ?? NullLogger<InteractionRouter>.Instance;

    public static string FailureMessage => ReplyText.Get("Failure");

    public Task<InteractionAnswer> HandleAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(Handle(interaction));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Ids only: the token and the user's text stay out of logs.
            _logger.LogError(ex, "Interaction {InteractionId} (type {Type}) failed", interaction.Id, (int)interaction.Type);
            return Task.FromResult(new InteractionAnswer(interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? ReplyBuilder.Autocomplete([])
                : ReplyBuilder.Error(FailureMessage)));
        }
    }

    /// <summary>Whether a transport may answer "thinking…" first and the result later (never autocomplete or PING).</summary>
    public static bool CanDefer(Interaction interaction) =>
        interaction.Type is InteractionType.ApplicationCommand or InteractionType.MessageComponent;

    /// <summary>
    /// The deferral matching the answer to come: type 6 when a click updates its message in place, else type 5
    /// (ephemeral when the answer will be), so that the later edit of @original lands where the answer belongs.
    /// </summary>
    public static InteractionResponse Deferral(Interaction interaction)
    {
        var shape = ShapeOf(interaction);
        return shape.InPlace ? ReplyBuilder.DeferredUpdate() : ReplyBuilder.DeferredReply(shape.Ephemeral);
    }

    /// <summary>
    /// How an interaction is answered. A command: a new message, private as <see cref="ReplyPrivacy"/> decides. A
    /// click or choice by the user who ran the command (the message's <c>interaction_metadata.user</c>, or anyone
    /// on a private message, which only its owner sees): an update in place. Anyone else's: their own private copy.
    /// "Post in channel", where posting is allowed, is answered like any other click on its message (the button is
    /// only ever on private ones, so: in place), and the public copy follows (see <see cref="Posted"/>).
    /// </summary>
    private static AnswerShape ShapeOf(Interaction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when CommandParser.TryParse(interaction.Data, out var command, out _):
                return new AnswerShape(InPlace: false, ReplyPrivacy.IsPrivate(interaction, command.Private, privateByDefault: command is MentionsCommand));
            case InteractionType.MessageComponent when TryDecodeClick(interaction.Data, out var action):
                if (action.Post && !ReplyPrivacy.MayPost(interaction))
                    return new AnswerShape(InPlace: false, Ephemeral: true);
                return OwnsMessage(interaction)
                    ? new AnswerShape(InPlace: true, Ephemeral: IsEphemeral(interaction.Message))
                    : new AnswerShape(InPlace: false, Ephemeral: true);
            default:
                return new AnswerShape(InPlace: false, Ephemeral: true);
        }
    }

    private static bool OwnsMessage(Interaction interaction)
    {
        if (IsEphemeral(interaction.Message))
            return true;
        var owner = (interaction.Message?.InteractionMetadata ?? interaction.Message?.Interaction)?.User?.Id;
        return owner is not null && owner == interaction.Invoker?.Id;
    }

    private static bool IsEphemeral(InteractionMessage? message) => ((message?.Flags ?? 0) & MessageFlags.Ephemeral) != 0;

    /// <summary>A button's custom id, or the chosen option of a string select (whose value is a custom id).</summary>
    private static bool TryDecodeClick(InteractionData? data, out CustomIdAction action)
    {
        var customId = data?.ComponentType == (int)ComponentType.StringSelect ? data.Values?.FirstOrDefault() : data?.CustomId;
        return CustomIdCodec.TryDecode(customId, out action);
    }

    /// <summary>Private answers speak the user's language; public ones the server's (the user's outside servers).</summary>
    private static IDisposable UseLanguageOf(Interaction interaction, bool ephemeral) =>
        DiscordLocales.Use(DiscordLocales.CultureFor(ephemeral ? interaction.Locale : interaction.GuildLocale ?? interaction.Locale));

    private InteractionAnswer Handle(Interaction interaction)
    {
        if (interaction.Type == InteractionType.Ping)
            return new InteractionAnswer(ReplyBuilder.Pong());
        if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            return new InteractionAnswer(search.IsReady && CommandParser.TryParseAutocomplete(interaction.Data, out var request)
                ? ReplyBuilder.Autocomplete(_handlers.Autocomplete(request))
                : ReplyBuilder.Autocomplete([]));
        }

        var shape = ShapeOf(interaction);
        var (ephemeral, answer) = Answer(interaction, shape);
        // A few answers are private whatever was asked ("no match", errors): those speak the user's language.
        if (ephemeral && !shape.Ephemeral && !shape.InPlace)
            (_, answer) = Answer(interaction, shape with { Ephemeral = true });
        return answer;
    }

    /// <summary>The answer, built in its language (the buttons' labels too); and whether it came out private.</summary>
    private (bool Ephemeral, InteractionAnswer Answer) Answer(Interaction interaction, AnswerShape shape)
    {
        using var language = UseLanguageOf(interaction, shape.Ephemeral);
        var answered = Decide(interaction, shape);
        var response = answered.Update ? ReplyBuilder.Update(answered.Model) : ReplyBuilder.Reply(answered.Model);
        return (answered.Model.Ephemeral, new InteractionAnswer(response, answered.FollowUp));
    }

    private Answered Decide(Interaction interaction, AnswerShape shape)
    {
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                if (!CommandParser.TryParse(interaction.Data, out var command, out var error))
                    return new(Private(error));
                if (!search.IsReady)
                    return new(Private(CreditsCommandHandlers.NotReadyMessage));
                if (command is WithCommand or CompareCommand)
                    return new(_connections?.Handle(command, shape.Ephemeral) ?? Private(NoConnectionsMessage));
                return new(_handlers.Handle(command, shape.Ephemeral));

            case InteractionType.MessageComponent:
                if (!TryDecodeClick(interaction.Data, out var action))
                    return new(Private(ReplyText.Get("ButtonGone")));
                if (action.Post && !ReplyPrivacy.MayPost(interaction))
                    return new(Private(ReplyText.Get("CannotPostHere")));
                if (!search.IsReady)
                    return new(Private(CreditsCommandHandlers.NotReadyMessage));
                return action.Post ? Posted(interaction, action, shape) : new(Open(action, shape.Ephemeral), shape.InPlace);

            default:
                return new(Private(ReplyText.Get("Unsupported")));
        }
    }

    private ReplyModel Open(CustomIdAction action, bool ephemeral) =>
        action.Target.Kind is CustomIdKind.WithKey or CustomIdKind.ComparePair
            ? _connections?.Open(action.Target, action.Page, ephemeral) ?? Private(NoConnectionsMessage)
            : _handlers.Open(action.Target, action.Page, ephemeral);

    /// <summary>
    /// "Post in channel": the page, built as a public answer (so without a Post button) in the server's language,
    /// is the follow-up; the clicked message shows the same page, also without the button, and says it was posted.
    /// The state is the custom id alone: a replayed Post click posts again, but once the update has landed no
    /// message offers that button, so Discord has nothing to deliver it from.
    /// </summary>
    private Answered Posted(Interaction interaction, CustomIdAction action, AnswerShape shape)
    {
        MessagePayload? posted = null;
        using (UseLanguageOf(interaction, ephemeral: false))
        {
            var page = Open(action, ephemeral: false);
            if (!page.Ephemeral)
                posted = ReplyBuilder.FollowUp(page);
        }
        // Nothing to post (the person is gone, say): that answer alone, privately, in the user's words.
        if (posted is null)
            return new(Open(action, ephemeral: true));
        var note = Open(action, ephemeral: false) with { Content = ReplyText.Get("PostedInChannel"), Ephemeral = true };
        return new(note, shape.InPlace, FollowUp: posted);
    }

    private static ReplyModel Private(string text) => new() { Content = text, Ephemeral = true };

    private readonly record struct AnswerShape(bool InPlace, bool Ephemeral);

    /// <param name="Update">Whether it replaces the clicked message (type 7) rather than being a new one (type 4).</param>
    /// <param name="FollowUp">A message to send after the response (only "Post in channel" has one), already built in its language.</param>
    private sealed record Answered(ReplyModel Model, bool Update = false, MessagePayload? FollowUp = null);
}
