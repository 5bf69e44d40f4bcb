using CreditsBot.Core.Configuration;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Hosting;

/// <summary>The composition root of the worker: search, the Discord transports, and the HTTP surface (health, metrics).</summary>
public static class CreditsBotHost
{
    public static WebApplication Build(string[] args)
    {
        // The app's own folder holds appsettings.json and seeds/, so it runs the same from any directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        ConfigureLogging(builder);
        if (ListenUrls.Fallback(builder.Configuration) is { } urls)
            builder.WebHost.UseUrls(urls);

        builder.Services.AddCreditsSearch(builder.Configuration);
        builder.Services.AddCreditsMetrics(builder.Configuration);
        builder.Services.AddDiscordInteractions(builder.Configuration);
        builder.Services.AddDiscordGateway(builder.Configuration);
        builder.Services.AddCreditsHealthChecks();

        var app = builder.Build();
        app.MapCreditsHealth();
        app.MapCreditsHealthChecks();
        app.MapCreditsMetrics();
        if (ModeOf(builder.Configuration) is DiscordMode.Http or DiscordMode.Both)
            app.MapDiscordInteractions();
        return app;
    }

    /// <summary>Validates every setting now, so a missing one is reported before anything starts.</summary>
    public static void CheckSettings(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<CreditsOptions>>().Value;
        _ = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        _ = services.GetRequiredService<IOptions<GatewayClientOptions>>().Value;
    }

    private static DiscordMode ModeOf(IConfiguration configuration) =>
        Enum.TryParse<DiscordMode>(configuration[$"{DiscordOptions.SectionName}:{nameof(DiscordOptions.Mode)}"], ignoreCase: true, out var mode)
            ? mode
            : DiscordMode.None;

    /// <summary>Readable one-line console logs by default; <c>Logging:Format=Json</c> for log collectors.</summary>
    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Probes poll /healthz/ready; an "Unhealthy" while the index builds is their answer, not an error to log.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
        if (string.Equals(builder.Configuration["Logging:Format"], "Json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
