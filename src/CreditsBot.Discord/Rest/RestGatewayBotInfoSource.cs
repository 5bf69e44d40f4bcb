using System.Net;
using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Rest;

/// <summary><c>GET /gateway/bot</c> through the REST client, so it shares its rate limits and its token handling.</summary>
public sealed class RestGatewayBotInfoSource(DiscordRestClient rest) : IGatewayBotInfoSource
{
    public async Task<Gateway.GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        Wire.GatewayBotInfo info;
        try
        {
            info = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            throw new GatewayFatalException(
                "Discord rejected the token on GET /gateway/bot (401): set Discord__Token to the bot token from the Developer Portal, without the \"Bot \" prefix.");
        }
        var limit = info.SessionStartLimit;
        return new Gateway.GatewayBotInfo(info.Url, info.Shards,
            new Gateway.SessionStartLimit(limit.Total, limit.Remaining, TimeSpan.FromMilliseconds(limit.ResetAfter), limit.MaxConcurrency));
    }
}
