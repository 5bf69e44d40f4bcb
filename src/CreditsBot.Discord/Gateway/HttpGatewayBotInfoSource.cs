using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

/// <summary>The default <see cref="IGatewayBotInfoSource"/>: a bare <c>GET {Discord:ApiBaseUrl}/gateway/bot</c>.</summary>
public sealed class HttpGatewayBotInfoSource(HttpClient http, IOptions<DiscordOptions> options) : IGatewayBotInfoSource
{
    public async Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        var discord = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, discord.ApiBaseUrl.TrimEnd('/') + "/gateway/bot");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", discord.Token);
        request.Headers.UserAgent.ParseAdd("DiscordBot (https://github.com/creditsbot/creditsbot, 1.0)");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new GatewayFatalException(
                "Discord rejected the token on GET /gateway/bot (401): set Discord__Token to the bot token from the Developer Portal, without the \"Bot \" prefix.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET /gateway/bot answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Parse(json.RootElement);
    }

    internal static GatewayBotInfo Parse(JsonElement root)
    {
        var limit = root.GetProperty("session_start_limit");
        return new GatewayBotInfo(
            root.GetProperty("url").GetString() ?? throw new JsonException("GET /gateway/bot returned no url"),
            root.GetProperty("shards").GetInt32(),
            new SessionStartLimit(
                limit.GetProperty("total").GetInt32(),
                limit.GetProperty("remaining").GetInt32(),
                TimeSpan.FromMilliseconds(limit.GetProperty("reset_after").GetDouble()),
                limit.GetProperty("max_concurrency").GetInt32()));
    }
}
