using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CreditsBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreditsBot.Tests.Hosting;

/// <summary>
/// ASP.NET Core's standard address settings (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls) decide where the bot
/// listens; Http:Urls (appsettings.json: 0.0.0.0:8080) is only the default underneath.
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task The_urls_argument_wins_over_Http_Urls()
    {
        var port = FreePort();
        await using var app = TestHosts.Build([$"--urls=http://127.0.0.1:{port}", "--Discord:Mode=None"]);
        await app.StartAsync();

        Assert.Equal([$"http://127.0.0.1:{port}"], app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
        await app.StopAsync();
    }

    [Fact]
    public async Task Http_Urls_is_used_when_no_standard_setting_is_given()
    {
        var port = FreePort();
        await using var app = TestHosts.Build([$"--Http:Urls=http://127.0.0.1:{port}", "--Discord:Mode=None"]);
        await app.StartAsync();

        Assert.Equal([$"http://127.0.0.1:{port}"], app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{port}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{port}")]
    public async Task The_bot_started_with_only_a_standard_variable_listens_there(string variable, string value)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CreditsBot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        TestHosts.ClearStandardAddressVariables(start);
        start.Environment[variable] = value.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["Discord__Mode"] = "None"; // no Discord: the HTTP surface alone
        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            Assert.Equal(HttpStatusCode.OK, await WaitForAsync(http, $"http://127.0.0.1:{port}{HealthChecks.LivePath}", process, output));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public void The_healthcheck_verb_follows_the_same_rule()
    {
        IConfiguration Config(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

        Assert.Equal(["http://0.0.0.0:8080"], ListenUrls.Resolve(Config(("Http:Urls", "http://0.0.0.0:8080"))));
        Assert.Equal(["http://*:9000"], ListenUrls.Resolve(Config(("Http:Urls", "http://0.0.0.0:8080"), ("http_ports", "9000"))));
        Assert.Equal(["http://127.0.0.1:7000"], ListenUrls.Resolve(Config(("http_ports", "9000"), ("urls", "http://127.0.0.1:7000"))));
        Assert.Equal("http://127.0.0.1:9000/healthz", CreditsBot.Cli.HealthcheckVerb.LocalHealthUrl(["https://*:9443", "http://*:9000"]));
        Assert.Equal("http://127.0.0.1:8080/healthz", CreditsBot.Cli.HealthcheckVerb.LocalHealthUrl(["http://0.0.0.0:8080"]));
    }

    private static async Task<HttpStatusCode> WaitForAsync(HttpClient http, string url, Process process, IEnumerable<string> output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(process.HasExited, $"the bot exited with {(process.HasExited ? process.ExitCode : 0)}:\n{string.Join('\n', output)}");
            try
            {
                using var response = await http.GetAsync(url);
                return response.StatusCode;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
