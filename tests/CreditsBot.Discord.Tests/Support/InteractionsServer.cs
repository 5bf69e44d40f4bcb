using System.Net.Http.Headers;
using System.Text;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;
using CreditsBot.Discord.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>The real endpoint on Kestrel at 127.0.0.1 (a free port), wired the way the host wires it.</summary>
public sealed class InteractionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Signer Signer { get; }
    public HttpClient Client { get; }
    public Uri BaseAddress { get; }
    public CapturingLoggerProvider Logs { get; }

    private InteractionsServer(WebApplication app, Signer signer, Uri baseAddress, CapturingLoggerProvider logs)
    {
        _app = app;
        Signer = signer;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public static async Task<InteractionsServer> StartAsync(ICreditsSearch search, IDictionary<string, string?>? settings = null, Signer? signer = null)
    {
        signer ??= new Signer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        var config = new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = signer.PublicKeyHex,
            ["Discord:RegisterCommandsOnStart"] = "false",
            // Nothing listens on the discard port: a test that forgot its fake REST API fails instead of calling Discord.
            ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            config[key] = value;
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton(search);
        if (search is ICreditsConnections connections)
            builder.Services.AddSingleton(connections);
        builder.Services.AddDiscordInteractions(builder.Configuration);

        var app = builder.Build();
        app.MapDiscordInteractions();
        app.MapCreditsHealth();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new InteractionsServer(app, signer, new Uri(address), logs);
    }

    /// <summary>POSTs a body signed as Discord signs it (optionally tampered with after signing).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(string body, string timestamp = "1700000000", Func<string, string>? tamperBody = null, string? sendTimestamp = null)
    {
        var signature = Signer.Sign(timestamp, Encoding.UTF8.GetBytes(body));
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(tamperBody?.Invoke(body) ?? body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", signature);
        request.Headers.Add("X-Signature-Timestamp", sendTimestamp ?? timestamp);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Signer.Dispose();
    }
}
