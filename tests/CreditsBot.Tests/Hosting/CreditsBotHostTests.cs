using CreditsBot.Hosting;
using Microsoft.Extensions.Options;

namespace CreditsBot.Tests.Hosting;

public class CreditsBotHostTests
{
    [Fact]
    public async Task The_default_gateway_mode_without_a_token_fails_fast_naming_the_variable_to_set()
    {
        await using var app = TestHosts.Build(["--Discord:Mode=Gateway", "--Discord:Token=", "--Http:Urls=http://127.0.0.1:0"]);

        var error = Assert.Throws<OptionsValidationException>(() => CreditsBotHost.CheckSettings(app.Services));

        Assert.Contains(error.Failures, f => f.Contains("Discord__Token", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_mode_needs_a_public_key_of_64_hex_characters()
    {
        // Building already checks: the endpoint takes the key when it is mapped.
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            var app = TestHosts.Build(["--Discord:Mode=Http", "--Discord:PublicKey=abc", "--Http:Urls=http://127.0.0.1:0"]);
            CreditsBotHost.CheckSettings(app.Services);
        });

        Assert.Contains(error.Failures, f => f.Contains("Discord__PublicKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_discord_mode_needs_no_secret()
    {
        await using var app = TestHosts.Build(["--Discord:Mode=None", "--Http:Urls=http://127.0.0.1:0"]);

        CreditsBotHost.CheckSettings(app.Services);
    }
}
