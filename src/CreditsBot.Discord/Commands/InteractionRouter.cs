using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// The one entry point both transports use: a parsed interaction in, the interaction response out.
/// It never throws for a single interaction's sake: a failure becomes an ephemeral error reply.
/// </summary>
/// <remarks>Without <see cref="ICreditsConnections"/> (a search that has none), <c>with</c> and <c>compare</c> say so.</remarks>
public sealed class InteractionRouter(ICreditsSearch search, ILogger<InteractionRouter>? logger = null, ICreditsConnections? connections = null)
{
    public const string FailureMessage = "Something went wrong while answering. Please try again.";
    public const string NoConnectionsMessage = "This bot's search cannot answer who worked with whom.";
    private readonly CreditsCommandHandlers _handlers = new(search);
    private readonly ConnectionsCommandHandlers? _connections = connections is null ? null : new(search, connections);
    private readonly ILogger _logger = logger ?? NullLogger<InteractionRouter>.Instance;

    public Task<InteractionResponse> HandleAsync(Interaction interaction, CancellationToken cancellationToken = default)
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
            return Task.FromResult(interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? ReplyBuilder.Autocomplete([])
                : ReplyBuilder.Error(FailureMessage));
        }
    }

    /// <summary>Whether a transport may answer "thinking…" first and the result later (never autocomplete or PING).</summary>
    public static bool CanDefer(Interaction interaction) =>
        interaction.Type is InteractionType.ApplicationCommand or InteractionType.MessageComponent;

    /// <summary>The deferral matching an interaction: type 5 (ephemeral when private was asked) for a command, type 6 for a click.</summary>
    public static InteractionResponse Deferral(Interaction interaction) =>
        interaction.Type == InteractionType.MessageComponent
            ? ReplyBuilder.DeferredUpdate()
            : ReplyBuilder.DeferredReply(CommandParser.TryParse(interaction.Data, out var command, out _) && command.Private);

    private InteractionResponse Handle(Interaction interaction)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return ReplyBuilder.Pong();

            case InteractionType.ApplicationCommandAutocomplete:
                if (!search.IsReady || !CommandParser.TryParseAutocomplete(interaction.Data, out var request))
                    return ReplyBuilder.Autocomplete([]);
                return ReplyBuilder.Autocomplete(_handlers.Autocomplete(request));

            case InteractionType.ApplicationCommand:
                if (!CommandParser.TryParse(interaction.Data, out var command, out var error))
                    return ReplyBuilder.Error(error);
                if (!search.IsReady)
                    return ReplyBuilder.Error(CreditsCommandHandlers.NotReadyMessage);
                if (command is WithCommand or CompareCommand)
                    return _connections is null ? ReplyBuilder.Error(NoConnectionsMessage) : ReplyBuilder.Reply(_connections.Handle(command));
                return ReplyBuilder.Reply(_handlers.Handle(command));

            case InteractionType.MessageComponent:
                if (!CustomIdCodec.TryDecode(interaction.Data?.CustomId, out var target, out var page))
                    return ReplyBuilder.Error("This button no longer does anything.");
                if (!search.IsReady)
                    return ReplyBuilder.Error(CreditsCommandHandlers.NotReadyMessage);
                if (target.Kind is CustomIdKind.WithKey or CustomIdKind.ComparePair)
                    return _connections is null ? ReplyBuilder.Error(NoConnectionsMessage) : ReplyBuilder.Update(_connections.Button(target, page));
                return ReplyBuilder.Update(_handlers.Button(target, page));

            default:
                return ReplyBuilder.Error("This kind of interaction is not supported.");
        }
    }
}
