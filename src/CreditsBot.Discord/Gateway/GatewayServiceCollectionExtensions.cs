using CreditsBot.Discord.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway worker. It runs only when Discord:Mode is Gateway or Both, and then needs an
    /// <see cref="IGatewayInteractionHandler"/>; <see cref="IGatewayBotInfoSource"/> defaults to
    /// <see cref="HttpGatewayBotInfoSource"/> unless one is registered before this call. Expects
    /// <see cref="DiscordOptions"/> bound by the host (binding it twice would duplicate Discord:ShardIds).
    /// </summary>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GatewayClientOptions>().Bind(configuration.GetSection(GatewayClientOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, GatewayOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayClientOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton<IGatewayBotInfoSource>(provider => new HttpGatewayBotInfoSource(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) },
            provider.GetRequiredService<IOptions<DiscordOptions>>()));
        services.TryAddSingleton<GatewayInteractionDispatcher>();
        services.TryAddSingleton<GatewayShardManager>();
        services.AddHostedService<GatewayService>();
        return services;
    }
}
