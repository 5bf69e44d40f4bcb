using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Indexing;
using CreditsBot.Discord.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace CreditsBot.Hosting;

/// <summary>
/// The bot's <see cref="CreditsBotMetrics"/> (always recorded, cheap without a listener) and, when
/// <c>Metrics:Enabled</c> is true, their export through OpenTelemetry for Prometheus at <c>/metrics</c>.
/// </summary>
public static class Metrics
{
    public const string EnabledSetting = "Metrics:Enabled";
    public const string Path = "/metrics";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledSetting);

    public static IServiceCollection AddCreditsMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var metrics = new CreditsBotMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>());
            var search = sp.GetRequiredService<ICreditsSearch>();
            var indexer = sp.GetService<CreditsIndexService>();
            metrics.ObserveIndex(
                () => search.Summary is { } s ? new IndexFigures(s.Documents.Count, s.Credits, s.IndexedAt) : null,
                () => indexer?.FailedRefreshes ?? 0,
                sp.GetRequiredService<TimeProvider>());
            return metrics;
        });
        if (Enabled(configuration))
        {
            services.AddOpenTelemetry().WithMetrics(builder => builder
                .AddMeter(CreditsBotMetrics.MeterName)
                .AddPrometheusExporter());
        }

        return services;
    }

    public static void MapCreditsMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            // Resolved now, so the index gauges exist before the first scrape.
            _ = app.Services.GetRequiredService<CreditsBotMetrics>();
            app.MapPrometheusScrapingEndpoint(Path);
        }
    }
}
