using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>An answer to an interaction: the HTTP body, or the body of POST /interactions/{id}/{token}/callback.</summary>
public sealed class InteractionResponse
{
    [JsonPropertyName("type")] public InteractionCallbackType Type { get; set; }
    /// <summary>A <see cref="MessagePayload"/> (types 4, 5, 7) or an <see cref="AutocompletePayload"/> (type 8).</summary>
    [JsonPropertyName("data")] public InteractionCallbackData? Data { get; set; }
}

/// <summary>The callback <c>data</c>; its two shapes share one base so one serializer context handles both.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(MessagePayload))]
[JsonDerivedType(typeof(AutocompletePayload))]
public abstract class InteractionCallbackData;

/// <summary>A message body: a reply, an update, or an edit of the original.</summary>
public sealed class MessagePayload : InteractionCallbackData
{
    [JsonPropertyName("content")] public string? Content { get; set; }
    [JsonPropertyName("embeds")] public List<Embed>? Embeds { get; set; }
    [JsonPropertyName("components")] public List<MessageComponent>? Components { get; set; }
    [JsonPropertyName("allowed_mentions")] public AllowedMentions? AllowedMentions { get; set; }
    [JsonPropertyName("flags")] public int? Flags { get; set; }
}

public sealed class AutocompletePayload : InteractionCallbackData
{
    [JsonPropertyName("choices")] public List<CommandOptionChoice> Choices { get; set; } = [];
}

/// <summary><c>{"parse": []}</c> means nobody is notified whatever the text says.</summary>
public sealed class AllowedMentions
{
    [JsonPropertyName("parse")] public List<string> Parse { get; set; } = [];
}

public sealed class Embed
{
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("color")] public int? Color { get; set; }
    [JsonPropertyName("fields")] public List<EmbedField>? Fields { get; set; }
    [JsonPropertyName("footer")] public EmbedFooter? Footer { get; set; }
}

public sealed class EmbedField
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("value")] public string Value { get; set; } = "";
    [JsonPropertyName("inline")] public bool? Inline { get; set; }
}

public sealed class EmbedFooter
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
}

/// <summary>A legacy component: an action row (type 1) holding buttons (type 2) or one string select (type 3).</summary>
public sealed class MessageComponent
{
    [JsonPropertyName("type")] public ComponentType Type { get; set; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; set; }
    [JsonPropertyName("options")] public List<SelectOption>? Options { get; set; }
    [JsonPropertyName("style")] public ButtonStyle? Style { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("custom_id")] public string? CustomId { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("disabled")] public bool? Disabled { get; set; }
    [JsonPropertyName("components")] public List<MessageComponent>? Components { get; set; }
}

/// <summary>One option of a string select: label, value and description are 1–100 characters.</summary>
public sealed class SelectOption
{
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("value")] public string Value { get; set; } = "";
    [JsonPropertyName("description")] public string? Description { get; set; }
}
