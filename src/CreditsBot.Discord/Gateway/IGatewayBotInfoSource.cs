namespace CreditsBot.Discord.Gateway;

/// <summary>Answers <c>GET /gateway/bot</c>. <see cref="RestGatewayBotInfoSource"/> is the default.</summary>
public interface IGatewayBotInfoSource
{
    Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken);
}
