namespace CreditsBot.Discord.Rest;

/// <summary>
/// One REST call: the concrete path to send, and the template that names it in logs and rate-limit buckets.
/// The path may hold an interaction token (a secret): only <see cref="Template"/> is ever logged.
/// </summary>
public sealed record RestRoute(HttpMethod Method, string Template, string Path, string MajorId, bool IsInteraction)
{
    /// <summary>Method and template: what Discord's per-route limits key on before a bucket id is known.</summary>
    public string RouteKey => $"{Method.Method} {Template}";

    public override string ToString() => RouteKey;

    public static RestRoute BulkOverwriteGlobalCommands(string applicationId) => new(
        HttpMethod.Put, "/applications/{application}/commands",
        $"/applications/{Escape(applicationId)}/commands", applicationId, IsInteraction: false);

    public static RestRoute BulkOverwriteGuildCommands(string applicationId, string guildId) => new(
        HttpMethod.Put, "/applications/{application}/guilds/{guild}/commands",
        $"/applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands", guildId, IsInteraction: false);

    public static RestRoute GetGatewayBot() => new(HttpMethod.Get, "/gateway/bot", "/gateway/bot", "", IsInteraction: false);

    public static RestRoute CreateInteractionResponse(string interactionId, string token) => new(
        HttpMethod.Post, "/interactions/{interaction}/{token}/callback",
        $"/interactions/{Escape(interactionId)}/{Escape(token)}/callback", interactionId, IsInteraction: true);

    public static RestRoute CreateFollowUp(string applicationId, string token) => new(
        HttpMethod.Post, "/webhooks/{application}/{token}",
        $"/webhooks/{Escape(applicationId)}/{Escape(token)}", applicationId + "/" + token, IsInteraction: true);

    public static RestRoute EditOriginal(string applicationId, string token) => new(
        HttpMethod.Patch, "/webhooks/{application}/{token}/messages/@original",
        $"/webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original", applicationId + "/" + token, IsInteraction: true);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
