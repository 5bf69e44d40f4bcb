using System.Globalization;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Configuration;

/// <summary>
/// Checks the settings of the HTTP endpoint, the REST client and command registration at start, with messages
/// that name the setting and the environment variable to set.
/// </summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        var http = options.Mode is DiscordMode.Http or DiscordMode.Both;

        if (http)
        {
            if (string.IsNullOrWhiteSpace(options.PublicKey))
                errors.Add("Discord:PublicKey is missing: set Discord__PublicKey to the application's public key (Developer Portal, General Information)");
            else if (!IsHex(options.PublicKey, 64))
                errors.Add("Discord:PublicKey must be 64 hexadecimal characters: check Discord__PublicKey (the application's public key, not the token)");
        }
        // The gateway's own validator checks the token for Mode=Gateway/Both.

        var registering = options.Mode != DiscordMode.None && options.RegisterCommandsOnStart && !string.IsNullOrWhiteSpace(options.Token);
        if (registering && string.IsNullOrWhiteSpace(options.ApplicationId))
            errors.Add("Discord:ApplicationId is missing: set Discord__ApplicationId to register the commands (or Discord__RegisterCommandsOnStart=false)");
        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
            errors.Add("Discord:ApplicationId must be a numeric id: check Discord__ApplicationId");
        if (!string.IsNullOrWhiteSpace(options.GuildId) && !IsSnowflake(options.GuildId))
            errors.Add("Discord:GuildId must be a numeric id (or empty for global commands): check Discord__GuildId");
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
            errors.Add("Discord:ApiBaseUrl must be an absolute http(s) URL: check Discord__ApiBaseUrl");
        if (options.DeferAfterMilliseconds is < 50 or > 2500)
            errors.Add("Discord:DeferAfterMilliseconds must be between 50 and 2500 (Discord allows 3 s): check Discord__DeferAfterMilliseconds");
        if (options.MaxRequestBodyBytes is < 1024 or > 1024 * 1024)
            errors.Add("Discord:MaxRequestBodyBytes must be between 1024 and 1048576: check Discord__MaxRequestBodyBytes");
        if (options.MaxSignatureAgeSeconds < 0)
            errors.Add("Discord:MaxSignatureAgeSeconds must be 0 (off) or more: check Discord__MaxSignatureAgeSeconds");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHex(string text, int length) => text.Length == length && text.All(char.IsAsciiHexDigit);

    private static bool IsSnowflake(string text) =>
        text.Length is > 0 and <= 20 && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
