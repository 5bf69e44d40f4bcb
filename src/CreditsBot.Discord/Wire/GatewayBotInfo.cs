using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>The answer of GET /gateway/bot.</summary>
public sealed class GatewayBotInfo
{
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("shards")] public int Shards { get; set; }
    [JsonPropertyName("session_start_limit")] public SessionStartLimit SessionStartLimit { get; set; } = new();
}

public sealed class SessionStartLimit
{
    [JsonPropertyName("total")] public int Total { get; set; }
    [JsonPropertyName("remaining")] public int Remaining { get; set; }
    /// <summary>Milliseconds until the limit resets.</summary>
    [JsonPropertyName("reset_after")] public long ResetAfter { get; set; }
    [JsonPropertyName("max_concurrency")] public int MaxConcurrency { get; set; }
}
