namespace CreditsBot.Discord.Wire;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
}

public enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
}

/// <summary>Application command types: a slash command, or a context-menu command on a user or a message.</summary>
public static class ApplicationCommandType
{
    public const int ChatInput = 1;
    public const int User = 2;
    public const int Message = 3;
}

/// <summary>Where a command is installed (<c>integration_types</c>) and where it may be used (<c>contexts</c>).</summary>
public static class InstallContexts
{
    public const int GuildInstall = 0;
    public const int UserInstall = 1;
    public const int Guild = 0;
    public const int BotDm = 1;
    public const int PrivateChannel = 2;
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}

/// <summary>Message flags the bot sets.</summary>
public static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}
