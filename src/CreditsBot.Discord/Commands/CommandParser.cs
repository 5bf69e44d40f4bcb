using CreditsBot.Discord.Wire;
using static CreditsBot.Discord.Commands.CreditsCommandDefinitions;

namespace CreditsBot.Discord.Commands;

/// <summary>Turns an interaction's option tree into a typed command. Never throws on odd input: it says what is wrong.</summary>
public static class CommandParser
{
    public static bool TryParse(InteractionData? data, out CreditsCommand command, out string error)
    {
        command = null!;
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
            case Compare:
                error = $"/{Root} {Compare} needs two names, a and b.";
                return false;
            case Person or Section or Role or With:
                error = $"/{Root} {sub} needs some text to look up.";
                return false;
            default:
                error = $"/{Root} has no subcommand \"{sub}\".";
                return false;
        }
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
            error = "This command is not one of mine.";
            return false;
        }
        var first = data.Options?.FirstOrDefault();
        if (first is null || first.Type != ApplicationCommandOptionType.SubCommand)
        {
            error = $"/{Root} needs a subcommand: person, section, role, with, compare or about.";
            return false;
        }
        sub = first.Name;
        options = first.Options ?? [];
        return true;
    }

    private static string? Text(IReadOnlyList<InteractionDataOption> options, string name) =>
        AsText(options.FirstOrDefault(o => o.Name == name)?.Value);

    private static string? AsText(OptionValue? value) => value is { Kind: OptionValueKind.String } v ? v.Text : null;

    private static bool Bool(IReadOnlyList<InteractionDataOption> options, string name) =>
        options.FirstOrDefault(o => o.Name == name)?.Value is { Kind: OptionValueKind.Boolean, Flag: true };

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
