using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

/// <summary>Checks at start the settings the gateway needs, with messages that name the setting to fix.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<DiscordOptions>, IValidateOptions<GatewayClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (options.Mode is not (DiscordMode.Gateway or DiscordMode.Both))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            errors.Add("Discord:Token is missing (Discord:Mode is " + options.Mode + "): set the environment variable "
                + "Discord__Token to the bot token from the Developer Portal (Applications > your app > Bot).");
        }
        else if (options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Discord:Token starts with \"Bot \": set Discord__Token to the bare token, without the prefix.");
        }

        if (options.ShardCount < 0)
        {
            errors.Add("Discord:ShardCount must be 0 (Discord's recommendation) or a positive shard count.");
        }

        if (options.ShardIds.Any(id => id < 0 || (options.ShardCount > 0 && id >= options.ShardCount)))
        {
            errors.Add($"Discord:ShardIds must lie in 0..Discord:ShardCount-1 (ShardCount is {options.ShardCount}).");
        }

        if (options.ShardIds.Distinct().Count() != options.ShardIds.Count)
        {
            errors.Add("Discord:ShardIds lists a shard twice.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss")))
        {
            errors.Add("Discord:GatewayUrl must be a ws:// or wss:// URL, or empty to ask Discord.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, GatewayClientOptions options)
    {
        var errors = new List<string>();
        if (options.SendLimit <= options.HeartbeatReserve || options.HeartbeatReserve < 0)
        {
            errors.Add("Discord:Gateway:SendLimit must exceed Discord:Gateway:HeartbeatReserve (>= 0).");
        }

        if (options.MaxConcurrentInteractions < 1)
        {
            errors.Add("Discord:Gateway:MaxConcurrentInteractions must be at least 1.");
        }

        if (options.MaxQueuedInteractions < 1)
        {
            errors.Add("Discord:Gateway:MaxQueuedInteractions must be at least 1.");
        }

        if (options.InvalidSessionMaxDelay < options.InvalidSessionMinDelay)
        {
            errors.Add("Discord:Gateway:InvalidSessionMaxDelay must not be below InvalidSessionMinDelay.");
        }

        if (options.ReconnectBaseDelay <= TimeSpan.Zero || options.ReconnectMaxDelay < options.ReconnectBaseDelay)
        {
            errors.Add("Discord:Gateway:ReconnectBaseDelay must be positive and not above ReconnectMaxDelay.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
