using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Diagnostics;
using CreditsBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Http;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Everything the HTTP interactions endpoint, the command core and the REST client need: validated
    /// <see cref="DiscordOptions"/>, the signature verifier, the interaction router and deadline keeper, the REST client and the
    /// hosted command registration. An <c>ICreditsSearch</c> must be registered too (the search's own extension).
    /// </summary>
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services, IConfiguration configuration)
    {
        // Bind once: binding twice would append list settings (ShardIds) twice.
        if (!services.Any(d => d.ServiceType == typeof(IOptionsChangeTokenSource<DiscordOptions>)))
            services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.SectionName));
        services.AddOptions<DiscordOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new Ed25519SignatureVerifier(options.PublicKey, TimeSpan.FromSeconds(options.MaxSignatureAgeSeconds), sp.GetRequiredService<TimeProvider>());
        });

        services.TryAddSingleton(sp => new RateLimitPolicy(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RestRetrySettings>();
        services.TryAddSingleton(sp => new DiscordRestClient(
            // Our own HttpClient, so no HttpClient request logging ever prints a path holding an interaction token.
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) },
            sp.GetRequiredService<IOptions<DiscordOptions>>(),
            sp.GetRequiredService<RateLimitPolicy>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>(),
            sp.GetRequiredService<RestRetrySettings>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<CreditsBotMetrics>()));
        services.TryAddSingleton<IInteractionWebhook>(sp => sp.GetRequiredService<DiscordRestClient>());
        services.TryAddSingleton<CommandRegistrar>();

        services.TryAddSingleton<InteractionRouter>();
        services.TryAddSingleton(sp => new DeadlineKeeper(
            sp.GetRequiredService<InteractionRouter>(),
            sp.GetRequiredService<IInteractionWebhook>(),
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.DeferAfterMilliseconds),
            sp.GetRequiredService<ILogger<DeadlineKeeper>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<CreditsBotMetrics>()));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, RegisterCommandsService>());
        return services;
    }
}
