using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>A command as registered with PUT /applications/{app}/commands (bulk overwrite).</summary>
public sealed class ApplicationCommand
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("type")] public int Type { get; set; } = 1;
    [JsonPropertyName("name_localizations")] public Dictionary<string, string>? NameLocalizations { get; set; }
    /// <summary>1–100 characters for a slash command; empty for user and message commands.</summary>
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("description_localizations")] public Dictionary<string, string>? DescriptionLocalizations { get; set; }
    [JsonPropertyName("options")] public List<ApplicationCommandOption>? Options { get; set; }
    [JsonPropertyName("integration_types")] public List<int>? IntegrationTypes { get; set; }
    [JsonPropertyName("contexts")] public List<int>? Contexts { get; set; }
}

public sealed class ApplicationCommandOption
{
    [JsonPropertyName("type")] public ApplicationCommandOptionType Type { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
    [JsonPropertyName("description_localizations")] public Dictionary<string, string>? DescriptionLocalizations { get; set; }
    [JsonPropertyName("required")] public bool? Required { get; set; }
    [JsonPropertyName("autocomplete")] public bool? Autocomplete { get; set; }
    [JsonPropertyName("min_length")] public int? MinLength { get; set; }
    [JsonPropertyName("max_length")] public int? MaxLength { get; set; }
    [JsonPropertyName("choices")] public List<CommandOptionChoice>? Choices { get; set; }
    [JsonPropertyName("options")] public List<ApplicationCommandOption>? Options { get; set; }
}

/// <summary>A string choice: in a command definition, or in an autocomplete result.</summary>
public sealed class CommandOptionChoice
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    /// <summary>Only in a command definition; autocomplete results carry none.</summary>
    [JsonPropertyName("name_localizations")] public Dictionary<string, string>? NameLocalizations { get; set; }
    [JsonPropertyName("value")] public string Value { get; set; } = "";
}
