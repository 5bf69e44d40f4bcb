using CreditsBot.Discord.Configuration;

namespace CreditsBot.Discord.Tests.Http;

public class DiscordOptionsValidatorTests
{
    private static readonly string Key = new('a', 64);

    private static IEnumerable<string> Errors(DiscordOptions options) =>
        new DiscordOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Defaults_are_valid() => Assert.Empty(Errors(new DiscordOptions()));

    [Fact]
    public void Http_mode_with_a_public_key_is_valid() => Assert.Empty(Errors(new DiscordOptions { Mode = DiscordMode.Http, PublicKey = Key }));

    [Theory]
    [InlineData(DiscordMode.Http, null, "Discord:PublicKey is missing: set Discord__PublicKey")]
    [InlineData(DiscordMode.Both, "abc", "Discord:PublicKey must be 64 hexadecimal characters")]
    [InlineData(DiscordMode.Http, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "Discord:PublicKey must be 64 hexadecimal characters")]
    public void Bad_public_keys_are_named(DiscordMode mode, string? key, string expected) =>
        Assert.Contains(Errors(new DiscordOptions { Mode = mode, PublicKey = key, Token = "t", ApplicationId = "1" }), e => e.StartsWith(expected, StringComparison.Ordinal));

    [Fact]
    public void Registering_needs_the_application_id()
    {
        var errors = Errors(new DiscordOptions { Mode = DiscordMode.Http, PublicKey = Key, Token = "t" });
        Assert.Contains(errors, e => e.Contains("Discord__ApplicationId", StringComparison.Ordinal));
        Assert.Empty(Errors(new DiscordOptions { Mode = DiscordMode.Http, PublicKey = Key, Token = "t", RegisterCommandsOnStart = false }));
    }

    [Theory]
    [InlineData("ApplicationId", "not-a-number")]
    [InlineData("GuildId", "12ab")]
    [InlineData("ApiBaseUrl", "discord.com/api")]
    [InlineData("DeferAfterMilliseconds", "5000")]
    [InlineData("MaxRequestBodyBytes", "10")]
    public void Malformed_settings_are_named(string setting, string value)
    {
        var options = new DiscordOptions();
        var property = typeof(DiscordOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value) : value);
        Assert.Contains(Errors(options), e => e.Contains($"Discord:{setting}", StringComparison.Ordinal));
    }
}
