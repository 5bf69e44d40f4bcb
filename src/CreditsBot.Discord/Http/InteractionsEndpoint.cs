using System.Buffers;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Http;

/// <summary>
/// <c>POST /interactions</c>: Discord's HTTP delivery. Order matters: signature headers, size cap, raw body,
/// Ed25519 check (401 on any failure, before any parsing), then parse (400 if malformed), then answer inline.
/// </summary>
public static class InteractionsEndpoint
{
    public const string Path = "/interactions";
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string path = Path)
    {
        // Singletons resolved once, not per request: this is the hot path.
        var services = endpoints.ServiceProvider;
        var handler = new Handler(
            services.GetRequiredService<IOptions<DiscordOptions>>().Value,
            services.GetRequiredService<Ed25519SignatureVerifier>(),
            services.GetRequiredService<DeadlineKeeper>(),
            services.GetRequiredService<IHostApplicationLifetime>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InteractionsEndpoint)));
        return endpoints.MapPost(path, handler.HandleAsync);
    }

    private sealed record Handler(
        DiscordOptions Options,
        Ed25519SignatureVerifier Verifier,
        DeadlineKeeper DeadlineKeeper,
        IHostApplicationLifetime Lifetime,
        ILogger Logger)
    {
        public Task HandleAsync(HttpContext context) => InteractionsEndpoint.HandleAsync(this, context);
    }

    private static async Task HandleAsync(Handler handler, HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var options = handler.Options;

        string? signature = request.Headers[SignatureHeader];
        string? timestamp = request.Headers[TimestampHeader];
        if (signature is not { Length: Ed25519SignatureVerifier.SignatureHexLength } || string.IsNullOrEmpty(timestamp))
        {
            await PlainAsync(response, StatusCodes.Status401Unauthorized, "invalid request signature").ConfigureAwait(false);
            return;
        }
        var cap = options.MaxRequestBodyBytes;
        if (request.ContentLength > cap)
        {
            await PlainAsync(response, StatusCodes.Status413PayloadTooLarge, "body too large").ConfigureAwait(false);
            return;
        }

        var (buffer, length) = await ReadBodyAsync(request.Body, cap, request.ContentLength, context.RequestAborted).ConfigureAwait(false);
        if (buffer is null)
        {
            await PlainAsync(response, StatusCodes.Status413PayloadTooLarge, "body too large").ConfigureAwait(false);
            return;
        }

        Interaction? interaction;
        try
        {
            var body = buffer.AsSpan(0, length);
            if (!handler.Verifier.Verify(signature, timestamp, body))
            {
                await PlainAsync(response, StatusCodes.Status401Unauthorized, "invalid request signature").ConfigureAwait(false);
                return;
            }
            interaction = Parse(body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (interaction is null)
        {
            await PlainAsync(response, StatusCodes.Status400BadRequest, "malformed interaction").ConfigureAwait(false);
            return;
        }

        if (interaction.Type == InteractionType.Ping)
        {
            await WriteAsync(context, ReplyBuilder.Pong()).ConfigureAwait(false);
            return;
        }
        try
        {
            // The response is completed before a deferred answer's edit is sent, so the edit cannot overtake it.
            await handler.DeadlineKeeper.RespondAsync(interaction, async (answer, _) =>
            {
                await WriteAsync(context, answer).ConfigureAwait(false);
                await response.CompleteAsync().ConfigureAwait(false);
            }, handler.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !response.HasStarted)
        {
            handler.Logger.LogError(ex, "Interaction {InteractionId} failed", interaction.Id);
            await WriteAsync(context, interaction.Type == InteractionType.ApplicationCommandAutocomplete
                ? ReplyBuilder.Autocomplete([])
                : ReplyBuilder.Error(InteractionRouter.FailureMessage)).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, InteractionResponse answer)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        var json = JsonSerializer.SerializeToUtf8Bytes(answer, DiscordJsonContext.Default.InteractionResponse);
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    /// <summary>The interaction, or null when the signed body is not one we can answer (bad JSON, unknown type, missing parts).</summary>
    internal static Interaction? Parse(ReadOnlySpan<byte> body)
    {
        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            return null;
        }
        if (interaction is null)
            return null;
        return interaction.Type switch
        {
            InteractionType.Ping => interaction,
            InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete or InteractionType.MessageComponent
                when interaction.Data is not null && interaction.Id.Length > 0 && interaction.Token.Length > 0 => interaction,
            _ => null,
        };
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes into a pooled buffer; null when the body is larger.</summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(Stream body, int cap, long? declared, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(declared is > 0 ? (int)declared.Value + 1 : 4096);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, cap + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, cap + 1) - length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return (buffer, length);
            length += read;
            if (length > cap)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0);
            }
        }
    }

    private static Task PlainAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain";
        return response.WriteAsync(text);
    }
}
