using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>Source-generated (de)serializers for every wire type: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(AutocompletePayload))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayBotPayload))]
[JsonSerializable(typeof(RateLimitedBody))]
[JsonSerializable(typeof(HealthReport))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;

/// <summary>The body of a 429 answer.</summary>
public sealed class RateLimitedBody
{
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("retry_after")] public double? RetryAfter { get; set; }
    [JsonPropertyName("global")] public bool? Global { get; set; }
    [JsonPropertyName("code")] public int? Code { get; set; }
}

/// <summary>The body of GET /healthz.</summary>
public sealed class HealthReport
{
    [JsonPropertyName("ready")] public bool Ready { get; set; }
    [JsonPropertyName("documents")] public int Documents { get; set; }
    [JsonPropertyName("sections")] public int Sections { get; set; }
    [JsonPropertyName("people")] public int People { get; set; }
    [JsonPropertyName("credits")] public int Credits { get; set; }
    [JsonPropertyName("indexed_at")] public DateTimeOffset? IndexedAt { get; set; }
    /// <summary>Gateway shards, when the gateway runs: live, and seconds since Discord was last heard (READY or heartbeat ACK).</summary>
    [JsonPropertyName("shards")] public List<ShardHealthReport>? Shards { get; set; }
    /// <summary>Each credits page of the latest import: indexed, or rejected with its reason.</summary>
    [JsonPropertyName("pages")] public List<PageHealthReport>? Pages { get; set; }
}

public sealed class PageHealthReport
{
    [JsonPropertyName("page")] public string Page { get; set; } = "";
    /// <summary>"indexed" or "rejected".</summary>
    [JsonPropertyName("status")] public string Status { get; set; } = "";
    [JsonPropertyName("reason")] public string? Reason { get; set; }
    [JsonPropertyName("older_version_served")] public bool OlderVersionServed { get; set; }
}

public sealed class ShardHealthReport
{
    [JsonPropertyName("id")] public int Id { get; set; }
    [JsonPropertyName("live")] public bool Live { get; set; }
    [JsonPropertyName("last_heard_seconds")] public double LastHeardSeconds { get; set; }
}
