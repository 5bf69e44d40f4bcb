using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// The commands, declared once. Registration sends exactly this; the parser reads the same names, so the two
/// cannot drift apart. Every command gets the same install contexts and its localizations from
/// <see cref="CommandText"/> by one rule (<see cref="Localize"/>), so a new subcommand needs only its line here
/// and its translations in the resource files.
/// </summary>
public static class CreditsCommandDefinitions
{
    public const string Root = "credits";
    public const string Person = "person";
    public const string Section = "section";
    public const string Role = "role";
    public const string About = "about";
    public const string With = "with";
    public const string Compare = "compare";
    public const string NameOption = "name";
    public const string QueryOption = "query";
    public const string DocumentOption = "document";
    public const string PrivateOption = "private";
    public const string FirstPersonOption = "a";
    public const string SecondPersonOption = "b";

    /// <summary>The message command (right-click a message → Apps): finds the credited people the message names.</summary>
    public const string MessageCommandName = "Look up credits";

    /// <summary>Max length of the text options: names and roles are short, and it caps hostile input at the client.</summary>
    public const int MaxTextLength = 100;

    /// <summary>Installable to a server and to a user; usable in servers, the bot's DM, and group DMs and other DMs.</summary>
    private static readonly List<int> IntegrationTypes = [InstallContexts.GuildInstall, InstallContexts.UserInstall];
    private static readonly List<int> Contexts = [InstallContexts.Guild, InstallContexts.BotDm, InstallContexts.PrivateChannel];

    public static List<ApplicationCommand> Build()
    {
        List<ApplicationCommand> commands =
        [
            new ApplicationCommand
            {
                Name = Root,
                Type = ApplicationCommandType.ChatInput,
                Description = "Who did what, from the credits pages",
                Options =
                [
                    Subcommand(Person, "A person's credits",
                        Text(NameOption, "The person's name", autocomplete: true), PrivateFlag()),
                    Subcommand(Section, "Everyone in a section, in page order",
                        Text(NameOption, "The section's name", autocomplete: true),
                        Text(DocumentOption, "Only this credits page", autocomplete: true, required: false), PrivateFlag()),
                    Subcommand(Role, "Who held a role",
                        Text(QueryOption, "Words of the role, e.g. \"triton lead\"", autocomplete: false), PrivateFlag()),
                    Subcommand(With, "Who shares the most credits with a person",
                        Text(NameOption, "The person's name", autocomplete: true), PrivateFlag()),
                    Subcommand(Compare, "What two people did together and apart, and how they are linked",
                        Text(FirstPersonOption, "The first person's name", autocomplete: true),
                        Text(SecondPersonOption, "The second person's name", autocomplete: true), PrivateFlag()),
                    Subcommand(About, "What is indexed", PrivateFlag()),
                ],
            },
            new ApplicationCommand { Name = MessageCommandName, Type = ApplicationCommandType.Message },
        ];
        foreach (var command in commands)
        {
            command.IntegrationTypes = [.. IntegrationTypes];
            command.Contexts = [.. Contexts];
            Localize(command);
        }
        return commands;
    }

    /// <summary>
    /// Fills in every localization the resources have: the command's name (context-menu commands, whose name is
    /// what users read) and descriptions, each option's description and each choice's name. The key is the
    /// path ("credits.person.name", a choice "credits.x.option.value"); an option may also be translated once by
    /// its own name ("private") for every command that has it.
    /// </summary>
    private static void Localize(ApplicationCommand command)
    {
        if (command.Type == ApplicationCommandType.ChatInput)
            command.DescriptionLocalizations = Translations(command.Name);
        else
            command.NameLocalizations = Translations(command.Name);
        foreach (var option in command.Options ?? [])
            Localize(option, command.Name);
    }

    private static void Localize(ApplicationCommandOption option, string parent)
    {
        var path = $"{parent}.{option.Name}";
        option.DescriptionLocalizations = Translations(path, option.Name);
        foreach (var choice in option.Choices ?? [])
            choice.NameLocalizations = Translations($"{path}.{choice.Value}");
        foreach (var child in option.Options ?? [])
            Localize(child, path);
    }

    /// <summary>The translations of a key (or of the shared key) into each locale that has one; null when none has.</summary>
    private static Dictionary<string, string>? Translations(string key, string? sharedKey = null)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (locale, culture) in DiscordLocales.Translated)
        {
            using (DiscordLocales.Use(System.Globalization.CultureInfo.GetCultureInfo(culture)))
            {
                var text = CommandText.Localizer[key];
                if (text.ResourceNotFound && sharedKey is not null)
                    text = CommandText.Localizer[sharedKey];
                if (!text.ResourceNotFound && !string.IsNullOrWhiteSpace(text.Value))
                    found[locale] = text.Value;
            }
        }
        return found.Count == 0 ? null : found;
    }

    private static ApplicationCommandOption Subcommand(string name, string description, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = [.. options],
    };

    private static ApplicationCommandOption Text(string name, string description, bool autocomplete, bool required = true) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = required ? true : null,
        MinLength = required ? 1 : null,
        MaxLength = MaxTextLength,
        Autocomplete = autocomplete ? true : null,
    };

    private static ApplicationCommandOption PrivateFlag() => new()
    {
        Type = ApplicationCommandOptionType.Boolean,
        Name = PrivateOption,
        Description = "Only you see the answer",
    };
}
