using CreditsBot.Core.Search;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreditsBot.Hosting;

/// <summary>
/// ASP.NET Core health checks for orchestrators: <c>/healthz/live</c> answers 200 while the process serves HTTP at
/// all; <c>/healthz/ready</c> answers 200 only when <see cref="HealthEndpoint.Report"/> says ready (index served, every
/// gateway shard heard from recently), else 503. <c>/healthz</c> (the JSON report, Docker's HEALTHCHECK) is unchanged.
/// </summary>
public static class HealthChecks
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCreditsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ReadinessCheck>("index-and-gateway", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapCreditsHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: a process that can answer this is alive, however its index or gateway are doing.
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }

    /// <summary>The same rule as <c>/healthz</c>'s <c>ready</c>, so the two never disagree.</summary>
    private sealed class ReadinessCheck(ICreditsSearch search, IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var report = HealthEndpoint.Report(search, services.GetService<GatewayHealth>());
            return Task.FromResult(report.Ready
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(search.IsReady ? "a gateway shard has not been heard from recently" : "the index is not built yet"));
        }
    }
}
