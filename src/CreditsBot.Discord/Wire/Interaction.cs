using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>An interaction as Discord sends it (HTTP body or gateway INTERACTION_CREATE). Only the fields the bot reads.</summary>
public sealed class Interaction
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("application_id")] public string ApplicationId { get; set; } = "";
    [JsonPropertyName("type")] public InteractionType Type { get; set; }
    [JsonPropertyName("data")] public InteractionData? Data { get; set; }
    [JsonPropertyName("guild_id")] public string? GuildId { get; set; }
    [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
    [JsonPropertyName("member")] public GuildMember? Member { get; set; }
    [JsonPropertyName("user")] public DiscordUser? User { get; set; }
    [JsonPropertyName("token")] public string Token { get; set; } = "";
    [JsonPropertyName("version")] public int Version { get; set; }
    [JsonPropertyName("message")] public InteractionMessage? Message { get; set; }
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    [JsonPropertyName("guild_locale")] public string? GuildLocale { get; set; }
    [JsonPropertyName("app_permissions")] public string? AppPermissions { get; set; }
    [JsonPropertyName("context")] public int? Context { get; set; }
    /// <summary>Who installed the app for this interaction: key "0" (server install) → guild id or "0", key "1" (user install) → user id.</summary>
    [JsonPropertyName("authorizing_integration_owners")] public Dictionary<string, string>? AuthorizingIntegrationOwners { get; set; }

    /// <summary>Who acted: the member's user in a guild, the user in a DM.</summary>
    [JsonIgnore] public DiscordUser? Invoker => Member?.User ?? User;
}

/// <summary>The <c>data</c> of a command, autocomplete or component interaction (one shape with optional parts).</summary>
public sealed class InteractionData
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("options")] public List<InteractionDataOption>? Options { get; set; }
    [JsonPropertyName("custom_id")] public string? CustomId { get; set; }
    [JsonPropertyName("component_type")] public int? ComponentType { get; set; }
    [JsonPropertyName("values")] public List<string>? Values { get; set; }
    /// <summary>The message a message command (type 3) was run on; its content is in <see cref="Resolved"/>.</summary>
    [JsonPropertyName("target_id")] public string? TargetId { get; set; }
    [JsonPropertyName("resolved")] public ResolvedData? Resolved { get; set; }
}

/// <summary>The objects a command refers to; the bot reads only the messages of a message command.</summary>
public sealed class ResolvedData
{
    [JsonPropertyName("messages")] public Dictionary<string, ResolvedMessage>? Messages { get; set; }
}

public sealed class ResolvedMessage
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("content")] public string? Content { get; set; }
}

/// <summary>One option of a command: a subcommand with nested options, or a parameter with a value.</summary>
public sealed class InteractionDataOption
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public ApplicationCommandOptionType Type { get; set; }
    /// <summary>String, number or boolean depending on <see cref="Type"/>; kept raw so no value type can break parsing.</summary>
    [JsonPropertyName("value")] public OptionValue? Value { get; set; }
    [JsonPropertyName("options")] public List<InteractionDataOption>? Options { get; set; }
    [JsonPropertyName("focused")] public bool? Focused { get; set; }
}

public sealed class GuildMember
{
    [JsonPropertyName("user")] public DiscordUser? User { get; set; }
    [JsonPropertyName("nick")] public string? Nick { get; set; }
    [JsonPropertyName("roles")] public List<string>? Roles { get; set; }
    [JsonPropertyName("permissions")] public string? Permissions { get; set; }
}

public sealed class DiscordUser
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("discriminator")] public string? Discriminator { get; set; }
    [JsonPropertyName("global_name")] public string? GlobalName { get; set; }
    [JsonPropertyName("bot")] public bool? Bot { get; set; }
}

/// <summary>The message a clicked component sits on (only what the bot reads).</summary>
public sealed class InteractionMessage
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("channel_id")] public string? ChannelId { get; set; }
    [JsonPropertyName("flags")] public int? Flags { get; set; }
    /// <summary>The interaction this message answers; its <c>user</c> is who ran the command.</summary>
    [JsonPropertyName("interaction_metadata")] public MessageInteractionMetadata? InteractionMetadata { get; set; }
    /// <summary>The deprecated predecessor of <see cref="InteractionMetadata"/>, still sent on older messages.</summary>
    [JsonPropertyName("interaction")] public MessageInteractionMetadata? Interaction { get; set; }
}

public sealed class MessageInteractionMetadata
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("type")] public int? Type { get; set; }
    [JsonPropertyName("user")] public DiscordUser? User { get; set; }
}
