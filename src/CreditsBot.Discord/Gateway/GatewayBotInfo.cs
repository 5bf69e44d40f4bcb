namespace CreditsBot.Discord.Gateway;

/// <summary>What <c>GET /gateway/bot</c> answers: where to connect, how many shards Discord recommends, and the identify budget.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);
