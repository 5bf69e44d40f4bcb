namespace CreditsBot.Discord.Gateway;

/// <summary>Answers <c>GET /gateway/bot</c>. The host may back it with the REST client; <see cref="HttpGatewayBotInfoSource"/> is the default.</summary>
public interface IGatewayBotInfoSource
{
    Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken);
}
