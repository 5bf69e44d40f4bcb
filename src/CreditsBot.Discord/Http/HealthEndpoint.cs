using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreditsBot.Discord.Http;

/// <summary><c>GET /healthz</c>: 200 with what is indexed (and each page's status) once the search is ready, 503 before.</summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    public static IEndpointConventionBuilder MapCreditsHealth(this IEndpointRouteBuilder endpoints, string path = Path) =>
        endpoints.MapGet(path, async context =>
        {
            var search = context.RequestServices.GetRequiredService<ICreditsSearch>();
            var report = Report(search, context.RequestServices.GetService<GatewayHealth>());
            context.Response.StatusCode = report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(report, DiscordJsonContext.Default.HealthReport), context.RequestAborted);
        });

    /// <summary>Ready when the index is built and no gateway shard has gone unheard for <see cref="GatewayHealth.StaleAfter"/>.</summary>
    public static HealthReport Report(ICreditsSearch search, GatewayHealth? gateway = null)
    {
        var summary = search.IsReady ? search.Summary : null;
        var shards = gateway?.Snapshot();
        return new HealthReport
        {
            Ready = summary is not null && (gateway is null || gateway.IsHealthy()),
            Shards = shards is { Count: > 0 }
                ? shards.Select(s => new ShardHealthReport { Id = s.ShardId, Live = s.Live, LastHeardSeconds = Math.Round(s.SinceLastHeard.TotalSeconds, 1) }).ToList()
                : null,
            Documents = summary?.Documents.Count ?? 0,
            Sections = summary?.Sections ?? 0,
            People = summary?.People ?? 0,
            Credits = summary?.Credits ?? 0,
            IndexedAt = summary?.IndexedAt,
            Pages = search.Pages.Count > 0
                ? search.Pages.Select(p => new PageHealthReport { Page = p.Page, Status = p.Indexed ? "indexed" : "rejected", Reason = p.Problem, OlderVersionServed = p.OlderVersionServed }).ToList()
                : null,
        };
    }
}
