using System.Net;
using System.Net.Sockets;
using CreditsBot.Core.Search;
using CreditsBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CreditsBot.Tests.Hosting;

public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Live_and_ready_answer_and_ready_follows_the_index()
    {
        var port = FreePort();
        await using var app = TestHosts.Build([$"--Http:Urls=http://127.0.0.1:{port}", "--Discord:Mode=None"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthChecks.LivePath)).StatusCode);
        var search = app.Services.GetRequiredService<ICreditsSearch>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!search.IsReady && DateTime.UtcNow < deadline)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyStatusBeforeTheIndex(http, search));
            await Task.Delay(50);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(HealthChecks.ReadyPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode); // the JSON report stays
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(Metrics.Path)).StatusCode); // off unless enabled
        await app.StopAsync();
    }

    [Fact]
    public async Task Metrics_when_enabled_are_served_for_Prometheus_with_the_index_gauges()
    {
        var port = FreePort();
        await using var app = TestHosts.Build([$"--Http:Urls=http://127.0.0.1:{port}", "--Discord:Mode=None", "--Metrics:Enabled=true"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var search = app.Services.GetRequiredService<ICreditsSearch>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!search.IsReady && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        using var response = await http.GetAsync(Metrics.Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"(?m)^creditsbot_index_documents(_\w+)?(\{[^}]*\})? 2(\.0)?( \d+)?$", text);
        Assert.Contains("creditsbot_index_credits", text, StringComparison.Ordinal);
        Assert.Contains("creditsbot_index_age", text, StringComparison.Ordinal);
        await app.StopAsync();
    }

    /// <summary>The status of /healthz/ready, read only while the index is still not ready (else it proves nothing).</summary>
    private static async Task<HttpStatusCode> ReadyStatusBeforeTheIndex(HttpClient http, ICreditsSearch search)
    {
        using var response = await http.GetAsync(HealthChecks.ReadyPath);
        return search.IsReady ? HttpStatusCode.ServiceUnavailable : response.StatusCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
