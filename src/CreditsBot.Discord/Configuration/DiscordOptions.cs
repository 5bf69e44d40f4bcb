namespace CreditsBot.Discord.Configuration;

/// <summary>Settings of the "Discord" section. Secrets (Token) come from the environment or user-secrets only.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    public DiscordMode Mode { get; set; } = DiscordMode.None;

    /// <summary>The bot token (Discord__Token). Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The application (client) id, a snowflake.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key, 64 hex characters (HTTP mode).</summary>
    public string? PublicKey { get; set; }

    /// <summary>When set, commands are registered to this guild only (instant, for development); global otherwise.</summary>
    public string? GuildId { get; set; }

    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Overrides the URL from GET /gateway/bot (tests, proxies). Empty: ask Discord.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Total shard count; 0 uses Discord's recommendation from GET /gateway/bot.</summary>
    public int ShardCount { get; set; }

    /// <summary>The shard ids this process runs; empty runs them all.</summary>
    public List<int> ShardIds { get; set; } = [];

    /// <summary>Register the slash commands (bulk overwrite) at start.</summary>
    public bool RegisterCommandsOnStart { get; set; } = true;

    /// <summary>HTTP mode: an answer not ready after this long is deferred (type 5/6) and sent later; Discord allows 3 s.</summary>
    public int DeferAfterMilliseconds { get; set; } = 2000;

    /// <summary>HTTP mode: larger request bodies are refused with 413 (Discord's interactions are a few KiB).</summary>
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>HTTP mode: when above 0, signed requests whose X-Signature-Timestamp (Unix seconds) is further
    /// than this from our clock are refused. 0 (the default) treats the timestamp as opaque, as Discord documents it.</summary>
    public int MaxSignatureAgeSeconds { get; set; }
}
