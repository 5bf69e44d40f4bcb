namespace CreditsBot.Discord.Configuration;

/// <summary>How the bot receives interactions.</summary>
public enum DiscordMode
{
    /// <summary>Only the command-line verbs and /healthz: no Discord at all (the default until configured).</summary>
    None,

    /// <summary>A WebSocket to the gateway: works behind NAT with only a token.</summary>
    Gateway,

    /// <summary>Discord POSTs interactions to our public HTTPS endpoint.</summary>
    Http,

    /// <summary>Both transports at once.</summary>
    Both,
}
