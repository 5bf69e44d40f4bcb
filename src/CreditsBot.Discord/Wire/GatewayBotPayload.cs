using System.Text.Json.Serialization;

namespace CreditsBot.Discord.Wire;

/// <summary>The JSON answer of GET /gateway/bot (read into <see cref="Gateway.GatewayBotInfo"/>).</summary>
public sealed class GatewayBotPayload
{
    [JsonPropertyName("url")] public string Url { get; set; } = "";
    [JsonPropertyName("shards")] public int Shards { get; set; }
    [JsonPropertyName("session_start_limit")] public SessionStartLimitPayload SessionStartLimit { get; set; } = new();
}

/// <summary>The JSON <c>session_start_limit</c> object (read into <see cref="Gateway.SessionStartLimit"/>).</summary>
public sealed class SessionStartLimitPayload
{
    [JsonPropertyName("total")] public int Total { get; set; }
    [JsonPropertyName("remaining")] public int Remaining { get; set; }
    /// <summary>Milliseconds until the limit resets.</summary>
    [JsonPropertyName("reset_after")] public long ResetAfter { get; set; }
    [JsonPropertyName("max_concurrency")] public int MaxConcurrency { get; set; }
}
