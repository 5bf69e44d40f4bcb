using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Diagnostics;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Rest;

/// <summary>How patient the client is. The defaults suit Discord; tests shorten them.</summary>
public sealed record RestRetrySettings
{
    /// <summary>Tries per call, counting the first (a 429 or a 5xx uses one).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The longest rate-limit wait an ordinary call accepts before failing instead.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait for an interaction call: past Discord's 3-second deadline the token is dead anyway.</summary>
    public TimeSpan MaxInteractionWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>First pause after a 5xx; doubled each time.</summary>
    public TimeSpan ServerErrorBackoff { get; init; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Discord's REST API v10 over one HttpClient: commands, interaction callbacks, edits of the original response and follow-ups, gateway info.
/// Rate limits are waited out within bounds (see <see cref="RateLimitPolicy"/>); the token is sent only in the
/// Authorization header and never logged; logs name routes by template, since paths may hold interaction tokens.
/// </summary>
public sealed class DiscordRestClient : IInteractionWebhook
{
    public const string ProjectUrl = "https://github.com/creditsbot/creditsbot";
    public static readonly string UserAgent = $"DiscordBot ({ProjectUrl}, {Version()})";

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly RateLimitPolicy _policy;
    private readonly RestRetrySettings _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly CreditsBotMetrics? _metrics;
    private volatile bool _tokenRejected;

    public DiscordRestClient(
        HttpClient http,
        IOptions<DiscordOptions> options,
        RateLimitPolicy policy,
        ILogger<DiscordRestClient>? logger = null,
        RestRetrySettings? retry = null,
        TimeProvider? timeProvider = null,
        CreditsBotMetrics? metrics = null)
    {
        _metrics = metrics;
        _http = http;
        _options = options.Value;
        _policy = policy;
        _retry = retry ?? new RestRetrySettings();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<DiscordRestClient>.Instance;
        _baseUrl = (string.IsNullOrWhiteSpace(_options.ApiBaseUrl) ? DiscordOptions.DefaultApiBaseUrl : _options.ApiBaseUrl).TrimEnd('/');
    }

    /// <summary>
    /// Replaces the application's commands with <paramref name="commands"/> in one PUT (guild commands when
    /// Discord:GuildId is set, else global). Sending the same list again changes nothing.
    /// </summary>
    public async Task<int> BulkOverwriteCommandsAsync(IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        var applicationId = Require(_options.ApplicationId, "Discord:ApplicationId", "Discord__ApplicationId");
        var route = string.IsNullOrWhiteSpace(_options.GuildId)
            ? RestRoute.BulkOverwriteGlobalCommands(applicationId)
            : RestRoute.BulkOverwriteGuildCommands(applicationId, _options.GuildId);
        var body = JsonSerializer.SerializeToUtf8Bytes(commands.ToList(), DiscordJsonContext.Default.ListApplicationCommand);
        using var response = await SendAsync(route, body, cancellationToken).ConfigureAwait(false);
        var registered = await ReadAsync(response, DiscordJsonContext.Default.ListApplicationCommand, cancellationToken).ConfigureAwait(false);
        return registered?.Count ?? 0;
    }

    /// <summary>Answers an interaction through REST (gateway mode): POST /interactions/{id}/{token}/callback.</summary>
    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(response, DiscordJsonContext.Default.InteractionResponse);
        using var _ = await SendAsync(RestRoute.CreateInteractionResponse(interactionId, interactionToken), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Edits the original response, e.g. after a deferral: PATCH /webhooks/{application}/{token}/messages/@original.</summary>
    public async Task EditOriginalAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.MessagePayload);
        using var _ = await SendAsync(RestRoute.EditOriginal(applicationId, interactionToken), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a follow-up message on the interaction's token: POST /webhooks/{application}/{token}.</summary>
    public async Task CreateFollowUpAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message, DiscordJsonContext.Default.MessagePayload);
        using var _ = await SendAsync(RestRoute.CreateFollowUp(applicationId, interactionToken), body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /gateway/bot: the gateway URL, the recommended shard count and the session start limit.</summary>
    public async Task<GatewayBotPayload> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(RestRoute.GetGatewayBot(), null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, DiscordJsonContext.Default.GatewayBotPayload, cancellationToken).ConfigureAwait(false)
            ?? throw new DiscordRestException(response.StatusCode, RestRoute.GetGatewayBot().RouteKey, null, "empty body");
    }

    private async Task<HttpResponseMessage> SendAsync(RestRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        // Interaction routes are authenticated by their token in the path, so they need no bot token (HTTP-only mode has none).
        string? token = null;
        if (!route.IsInteraction)
        {
            token = Require(_options.Token, "Discord:Token", "Discord__Token");
            if (_tokenRejected)
                throw new DiscordRestException(HttpStatusCode.Unauthorized, route.RouteKey, null, "the token was rejected earlier; set a valid Discord__Token and restart");
        }

        var maxWait = route.IsInteraction ? _retry.MaxInteractionWait : _retry.MaxWait;
        for (var attempt = 1; ; attempt++)
        {
            await WaitForSlotAsync(route, maxWait, cancellationToken).ConfigureAwait(false);

            using var request = new HttpRequestMessage(route.Method, _baseUrl + route.Path);
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", token);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            ObserveHeaders(route, response);
            _metrics?.RestCall(route.RouteKey, (int)response.StatusCode);

            if (response.IsSuccessStatusCode)
                return response;

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var limited = await ReadRateLimitAsync(response, cancellationToken).ConfigureAwait(false);
                    if (limited is null)
                    {
                        // No JSON and no rate-limit headers: a Cloudflare ban, which retrying only prolongs.
                        _logger.LogError("Discord refused {Route} with a 429 that is not a rate limit (likely a temporary IP ban); not retrying", route.RouteKey);
                        throw new DiscordRestException(response.StatusCode, route.RouteKey, null, "blocked (not a rate limit)");
                    }
                    var (retryAfter, global) = limited.Value;
                    _policy.OnRateLimited(route, retryAfter, global);
                    _metrics?.RestRateLimited(route.RouteKey, global);
                    _logger.LogWarning("Rate limited on {Route} ({Scope}); retry after {RetryAfterMs} ms (attempt {Attempt}/{MaxAttempts})",
                        route.RouteKey, global ? "global" : "bucket", (int)retryAfter.TotalMilliseconds, attempt, _retry.MaxAttempts);
                    if (attempt >= _retry.MaxAttempts || retryAfter > maxWait)
                        throw new DiscordRestException(response.StatusCode, route.RouteKey, null, $"rate limited for {retryAfter.TotalSeconds:0.###} s");
                    continue;
                }

                if ((int)response.StatusCode >= 500 && attempt < _retry.MaxAttempts)
                {
                    var pause = _retry.ServerErrorBackoff * Math.Pow(2, attempt - 1) * (0.8 + 0.4 * Random.Shared.NextDouble());
                    _logger.LogWarning("Discord answered {Status} to {Route}; retrying in {PauseMs} ms", (int)response.StatusCode, route.RouteKey, (int)pause.TotalMilliseconds);
                    await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !route.IsInteraction)
                    _tokenRejected = true; // repeated 401s count towards Discord's invalid-request ban
                _logger.LogWarning("Discord answered {Status} to {Route}: {Code} {Message}", (int)response.StatusCode, route.RouteKey, error.Code, error.Message);
                throw new DiscordRestException(response.StatusCode, route.RouteKey, error.Code, error.Message);
            }
        }
    }

    private async Task WaitForSlotAsync(RestRoute route, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (_policy.TryAcquire(route) is var wait && wait > TimeSpan.Zero)
        {
            if (waited + wait > maxWait)
                throw new DiscordRestException(HttpStatusCode.TooManyRequests, route.RouteKey, null, $"would wait {(waited + wait).TotalSeconds:0.###} s for the rate limit");
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    private void ObserveHeaders(RestRoute route, HttpResponseMessage response)
    {
        var bucket = Header(response, "X-RateLimit-Bucket");
        var remaining = int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
        var resetAfter = double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
            ? TimeSpan.FromSeconds(Math.Min(s, 3600))
            : (TimeSpan?)null;
        if (bucket is not null || remaining is not null)
            _policy.Observe(route, bucket, remaining, resetAfter);
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)?> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        RateLimitedBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.RateLimitedBody, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // An HTML or plain-text 429.
        }
        var headerSeconds = double.TryParse(Header(response, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : (double?)null;
        var hasRateLimitHeaders = Header(response, "X-RateLimit-Bucket") is not null || Header(response, "X-RateLimit-Global") is not null || Header(response, "X-RateLimit-Scope") is not null;
        var seconds = body?.RetryAfter ?? (hasRateLimitHeaders ? headerSeconds : null);
        if (seconds is null || double.IsNaN(seconds.Value) || seconds < 0)
            return null;
        var global = body?.Global == true || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        return (TimeSpan.FromSeconds(Math.Min(seconds.Value, 3600)), global);
    }

    private static async Task<(int? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            int? code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
            string? message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message is { Length: > 300 } ? message[..300] : message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            return default;
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Require(string? value, string setting, string variable) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{setting} is missing: set {variable}")
            : value;

    private static string Version()
    {
        var version = typeof(DiscordRestClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }
}
