using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;
using static CreditsBot.Discord.Commands.CreditsCommandDefinitions;

namespace CreditsBot.Discord.Commands;

/// <summary>Turns an interaction's option tree into a typed command. Never throws on odd input: it says what is wrong.</summary>
public static class CommandParser
{
    public static bool TryParse(InteractionData? data, out CreditsCommand command, out string error)
    {
        command = null!;
        if (data is { Type: Wire.ApplicationCommandType.Message, Name: MessageCommandName })
            return TryParseMessageCommand(data, out command, out error);
        if (!TryGetSubcommand(data, out var sub, out var options, out error))
            return false;

        var isPrivate = Bool(options, PrivateOption);
        switch (sub)
        {
            case Person when Text(options, NameOption) is { } name:
                command = new PersonCommand(name, isPrivate);
                return true;
            case Section when Text(options, NameOption) is { } name:
                command = new SectionCommand(name, NullIfBlank(Text(options, DocumentOption)), isPrivate);
                return true;
            case Role when Text(options, QueryOption) is { } query:
                command = new RoleCommand(query, isPrivate);
                return true;
            case With when Text(options, NameOption) is { } name:
                command = new WithCommand(name, isPrivate);
                return true;
            case Compare when Text(options, FirstPersonOption) is { } a && Text(options, SecondPersonOption) is { } b:
                command = new CompareCommand(a, b, isPrivate);
                return true;
            case About:
                command = new AboutCommand(isPrivate);
                return true;
            case Person or Section or Role or With or Compare:
                error = ReplyText.Get("NeedsText", $"/{Root} {sub}");
                return false;
            default:
                error = ReplyText.Get("NoSuchSubcommand", $"/{Root}", sub);
                return false;
        }
    }

    /// <summary>"Look up credits" on a message: its text is in <c>resolved.messages[target_id]</c>.</summary>
    private static bool TryParseMessageCommand(InteractionData data, out CreditsCommand command, out string error)
    {
        command = null!;
        error = "";
        if (data.TargetId is null || data.Resolved?.Messages?.GetValueOrDefault(data.TargetId) is not { } message)
        {
            error = ReplyText.Get("NoMessageText");
            return false;
        }
        command = new MentionsCommand(message.Content ?? "");
        return true;
    }

    /// <summary>Finds the option being typed (<c>focused</c>) of an autocomplete request.</summary>
    public static bool TryParseAutocomplete(InteractionData? data, out AutocompleteRequest request)
    {
        request = null!;
        if (!TryGetSubcommand(data, out var sub, out var options, out _))
            return false;
        var focused = options.FirstOrDefault(o => o.Focused == true);
        if (focused is null)
            return false;
        request = new AutocompleteRequest(sub, focused.Name, AsText(focused.Value) ?? "", NullIfBlank(Text(options, DocumentOption)));
        return true;
    }

    private static bool TryGetSubcommand(InteractionData? data, out string sub, out IReadOnlyList<InteractionDataOption> options, out string error)
    {
        sub = "";
        options = [];
        error = "";
        if (data is null || !string.Equals(data.Name, Root, StringComparison.Ordinal))
        {
            error = ReplyText.Get("NotMine");
            return false;
        }
        var first = data.Options?.FirstOrDefault();
        if (first is null || first.Type != ApplicationCommandOptionType.SubCommand)
        {
            error = ReplyText.Get("NeedsSubcommand", $"/{Root}");
            return false;
        }
        sub = first.Name;
        options = first.Options ?? [];
        return true;
    }

    private static string? Text(IReadOnlyList<InteractionDataOption> options, string name) =>
        AsText(options.FirstOrDefault(o => o.Name == name)?.Value);

    private static string? AsText(OptionValue? value) => value is { Kind: OptionValueKind.String } v ? v.Text : null;

    private static bool? Bool(IReadOnlyList<InteractionDataOption> options, string name) =>
        options.FirstOrDefault(o => o.Name == name)?.Value is { Kind: OptionValueKind.Boolean } value ? value.Flag : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
