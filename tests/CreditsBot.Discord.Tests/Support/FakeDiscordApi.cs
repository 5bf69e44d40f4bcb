using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>A request the fake Discord API received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan At);

/// <summary>A scripted answer: status, JSON body and headers.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json");

/// <summary>
/// Discord's REST API played by Kestrel on 127.0.0.1: it records every request and answers from a per-path script
/// (then a default answer), so tests can check JSON bodies, headers and rate-limit behaviour.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _scripts = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public Func<string, string, ScriptedResponse> Default { get; set; } = (method, path) => method == "PUT"
        ? new ScriptedResponse(200, "[]") : new ScriptedResponse(204);

    /// <summary>How long every answer takes (a slow Discord).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Signals each request as it arrives.</summary>
    public event Action<RecordedRequest>? Received;

    private FakeDiscordApi(WebApplication app) => _app = app;

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscordApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First() + "/api/v10";
        return fake;
    }

    public void Script(string path, params ScriptedResponse[] responses)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<ScriptedResponse>());
        foreach (var response in responses)
            queue.Enqueue(response);
    }

    public IReadOnlyList<RecordedRequest> To(string pathSuffix) => Requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        var recorded = new RecordedRequest(context.Request.Method, path, body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), _clock.Elapsed);
        Requests.Enqueue(recorded);
        Received?.Invoke(recorded);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);

        var relative = path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : path;
        var answer = _scripts.TryGetValue(relative, out var queue) && queue.TryDequeue(out var scripted)
            ? scripted
            : Default(context.Request.Method, relative);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
