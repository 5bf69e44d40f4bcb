using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway worker. It runs only when Discord:Mode is Gateway or Both. INTERACTION_CREATE goes to
    /// <see cref="GatewayInteractionHandler"/> and <c>GET /gateway/bot</c> to <see cref="RestGatewayBotInfoSource"/>
    /// (both need <c>AddDiscordInteractions</c>), unless other implementations are registered before this call. Expects
    /// <see cref="DiscordOptions"/> bound by the host (binding it twice would duplicate Discord:ShardIds).
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayClientOptions>().Bind(configuration.GetSection(GatewayClientOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, GatewayOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayClientOptions>, GatewayOptionsValidator>());
        // Both default to the shared Discord seam (AddDiscordInteractions): the REST client and the one command core.
        services.TryAddSingleton<IGatewayBotInfoSource, RestGatewayBotInfoSource>();
        services.TryAddSingleton<IGatewayInteractionHandler, GatewayInteractionHandler>();
        services.TryAddSingleton(sp => new GatewayInteractionQueue(
            sp.GetRequiredService<IGatewayInteractionHandler>(),
            sp.GetRequiredService<IOptions<GatewayClientOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GatewayInteractionQueue>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayHealth>();
        services.TryAddSingleton<GatewayShardManager>();
        services.AddHostedService<GatewayService>();
        return services;
    }
}
