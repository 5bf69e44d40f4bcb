using CreditsBot.Core.Search;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Http;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Http;

public class DiscordServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, bool bindFirst = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ICreditsSearch>(new FakeCreditsSearch(TestCatalog.Create()));
        if (bindFirst)
            services.AddOptions<DiscordOptions>().Bind(configuration.GetSection("Discord"));
        services.AddDiscordInteractions(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Registers_the_dispatcher_responder_rest_client_and_registration_service()
    {
        using var provider = Build(new() { ["Discord:Mode"] = "Http", ["Discord:PublicKey"] = new string('a', 64) });
        Assert.NotNull(provider.GetRequiredService<InteractionRouter>());
        Assert.NotNull(provider.GetRequiredService<DeadlineKeeper>());
        Assert.True(provider.GetRequiredService<Ed25519SignatureVerifier>().HasKey);
        Assert.Same(provider.GetRequiredService<DiscordRestClient>(), provider.GetRequiredService<IInteractionWebhook>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<RegisterCommandsService>());
    }

    [Fact]
    public void A_missing_public_key_in_http_mode_fails_with_the_variable_to_set()
    {
        using var provider = Build(new() { ["Discord:Mode"] = "Http" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains("Discord:PublicKey is missing: set Discord__PublicKey", error.Message);
    }

    [Fact]
    public void Binding_already_done_by_the_host_is_not_repeated()
    {
        using var provider = Build(new() { ["Discord:ShardIds:0"] = "3", ["Discord:ShardIds:1"] = "4" }, bindFirst: true);
        Assert.Equal([3, 4], provider.GetRequiredService<IOptions<DiscordOptions>>().Value.ShardIds);
    }
}
