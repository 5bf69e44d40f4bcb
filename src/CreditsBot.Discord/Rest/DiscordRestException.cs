using System.Net;

namespace CreditsBot.Discord.Rest;

/// <summary>A REST call Discord refused. The message names the route template, never the path (it may hold a token).</summary>
public sealed class DiscordRestException(HttpStatusCode status, string route, int? code, string? discordMessage)
    : Exception($"Discord answered {(int)status} to {route}" + (code is null ? "" : $" (code {code})") + (discordMessage is null ? "" : $": {discordMessage}"))
{
    public HttpStatusCode Status { get; } = status;
    public string Route { get; } = route;
    public int? Code { get; } = code;
}
