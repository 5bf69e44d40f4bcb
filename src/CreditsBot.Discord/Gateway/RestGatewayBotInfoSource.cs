using System.Net;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// <c>GET /gateway/bot</c> through the REST client, so it shares the client's rate limits, User-Agent and
/// token handling. A rejected token is fatal: retrying cannot fix it.
/// </summary>
public sealed class RestGatewayBotInfoSource(DiscordRestClient rest) : IGatewayBotInfoSource
{
    public async Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        GatewayBotPayload info;
        try
        {
            info = await rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException e) when (e.Status == HttpStatusCode.Unauthorized)
        {
            throw new GatewayFatalException(
                "Discord rejected the token on GET /gateway/bot (401): set Discord__Token to the bot token from the Developer Portal, without the \"Bot \" prefix.");
        }

        return new GatewayBotInfo(
            info.Url,
            info.Shards,
            new SessionStartLimit(
                info.SessionStartLimit.Total,
                info.SessionStartLimit.Remaining,
                TimeSpan.FromMilliseconds(info.SessionStartLimit.ResetAfter),
                info.SessionStartLimit.MaxConcurrency));
    }
}
