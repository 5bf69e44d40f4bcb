namespace CreditsBot.Discord.Gateway;

/// <summary>What a close code from Discord means for us: stop, start a new session, or resume.</summary>
internal static class GatewayCloseCode
{
    /// <summary>
    /// Codes that would fail the same way on every retry; each maps to what the operator must fix. Looping on them
    /// burns the daily identify budget and gets the token reset.
    /// </summary>
    public static string? FatalFix(int code) => code switch
    {
        4004 => "Discord rejected the token (close 4004, authentication failed): set Discord__Token to the bot token "
            + "from the Developer Portal (Applications > your app > Bot > Reset Token), without the \"Bot \" prefix.",
        4010 => "Discord rejected the shard (close 4010, invalid shard): every id in Discord__ShardIds must be below "
            + "Discord__ShardCount; leave both unset to use Discord's recommendation.",
        4011 => "Discord requires sharding (close 4011): the bot is in too many guilds for this shard count; set "
            + "Discord__ShardCount to 0 (Discord's recommendation) or to a larger count.",
        4012 => "Discord rejected the API version (close 4012): this build speaks gateway v10; if Discord__GatewayUrl "
            + "points at a proxy, make it forward the v=10 query, or update CreditsBot.",
        4013 => "Discord rejected the intents (close 4013, invalid intents): CreditsBot sends intents 0; if "
            + "Discord__GatewayUrl points at a proxy, make it forward IDENTIFY unchanged.",
        4014 => "Discord refused a privileged intent (close 4014): CreditsBot needs none; if Discord__GatewayUrl points "
            + "at a proxy, make it forward IDENTIFY unchanged, or enable the intent in the Developer Portal (Bot page).",
        _ => null,
    };

    /// <summary>Codes after which the session is gone (4007 invalid seq, 4009 session timed out): identify again.</summary>
    public static bool ForbidsResume(int code) => code is 4007 or 4009;
}
