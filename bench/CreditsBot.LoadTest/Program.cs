using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CreditsBot.Core.Import;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Http;
using CreditsBot.LoadTest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

// Loopback load test of POST /interactions: signed /credits person requests, as Discord sends them.
// Usage: dotnet run -c Release --project bench/CreditsBot.LoadTest -- [--seconds 10] [--warmup 3] [--connections 32]
var seconds = Arg("--seconds", 10);
var warmup = Arg("--warmup", 3);
var connections = Arg("--connections", 32);

var seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
var search = new CatalogSearch(SeedPageImporter.ImportFolders([seeds]));
using var key = Key.Create(SignatureAlgorithm.Ed25519);
var publicKey = Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Discord:Mode"] = "Http",
    ["Discord:PublicKey"] = publicKey,
    ["Discord:RegisterCommandsOnStart"] = "false",
});
builder.Services.AddSingleton<ICreditsSearch>(search);
builder.Services.AddDiscordInteractions(builder.Configuration);
await using var app = builder.Build();
app.MapDiscordInteractions();
app.MapCreditsHealth();
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

// Pre-signed requests, one per credited name (Discord signs each with its own timestamp; so do we).
var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
var requests = search.Names.Take(1000).Select((name, i) =>
{
    var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        type = 2,
        id = (1533081865936830470L + i).ToString(),
        application_id = "1216309572403331073",
        token = "aW50ZXJhY3Rpb246" + i,
        version = 1,
        guild_id = "838482473779331074",
        channel_id = "838482725437571075",
        member = new { user = new { id = "646650947174531076", username = "mira", discriminator = "0" }, roles = Array.Empty<string>(), permissions = "2248473465835073" },
        data = new { id = "1531692711936131077", name = "credits", type = 1, options = new[] { new { name = "person", type = 1, options = new[] { new { name = "name", type = 3, value = name } } } } },
    }));
    var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray());
    return (Body: body, Signature: Convert.ToHexStringLower(signature));
}).ToArray();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(address),
};

if (args.Contains("--parts"))
{
    // Where one request's CPU goes, measured on one thread without HTTP.
    var verifier = app.Services.GetRequiredService<Ed25519SignatureVerifier>();
    var dispatcher = app.Services.GetRequiredService<CreditsBot.Discord.Commands.InteractionDispatcher>();
    const int rounds = 20_000;
    void Measure(string part, Action<int> action)
    {
        for (var i = 0; i < 2000; i++) action(i);
        // CPU time rather than wall time, so that other load on the machine does not inflate it.
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < rounds; i++) action(i);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine($"{part,-40} {cpu.TotalMicroseconds / rounds,8:0.0} µs CPU");
    }
    Measure("Ed25519 verify", i => verifier.Verify(requests[i % requests.Length].Signature, timestamp, requests[i % requests.Length].Body));
    Measure("parse interaction", i => JsonSerializer.Deserialize(requests[i % requests.Length].Body, CreditsBot.Discord.Wire.DiscordJsonContext.Default.Interaction));
    var parsed = requests.Select(r => JsonSerializer.Deserialize(r.Body, CreditsBot.Discord.Wire.DiscordJsonContext.Default.Interaction)!).ToArray();
    Measure("dispatch (lookup + reply model + limits)", i => dispatcher.HandleAsync(parsed[i % parsed.Length]).GetAwaiter().GetResult());
    var answers = parsed.Select(p => dispatcher.HandleAsync(p).GetAwaiter().GetResult()).ToArray();
    Measure("serialize response", i => JsonSerializer.SerializeToUtf8Bytes(answers[i % answers.Length], CreditsBot.Discord.Wire.DiscordJsonContext.Default.InteractionResponse));
}

Console.WriteLine($"endpoint {address}/interactions · {requests.Length} distinct signed requests · {connections} connections · {Environment.ProcessorCount} cores");
await RunAsync(TimeSpan.FromSeconds(warmup), record: false);
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var (count, errors, latencies, elapsed) = await RunAsync(TimeSpan.FromSeconds(seconds), record: true);
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)] * 1000.0 / Stopwatch.Frequency;
Console.WriteLine($"requests {count} in {elapsed.TotalSeconds:0.0} s: {count / elapsed.TotalSeconds:0} req/s, " +
                  $"p50 {Percentile(0.50):0.00} ms, p90 {Percentile(0.90):0.00} ms, p99 {Percentile(0.99):0.00} ms, max {Percentile(1.0):0.00} ms, errors {errors}");
// CPU per request (endpoint and load generator together) does not depend on what else the machine runs.
Console.WriteLine($"cpu {cpu.TotalSeconds:0.0} s over {elapsed.TotalSeconds:0.0} s ({cpu / elapsed:P0} of one core), {cpu.TotalMicroseconds / Math.Max(1, count):0} µs per request, load average {LoadAverage()}");
await app.StopAsync();
return errors == 0 ? 0 : 1;

async Task<(long Count, long Errors, List<long> Latencies, TimeSpan Elapsed)> RunAsync(TimeSpan duration, bool record)
{
    long done = 0, failed = 0;
    var all = new List<long>();
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, connections).Select(async worker =>
    {
        var mine = new List<long>(1 << 16);
        var i = worker;
        while (clock.Elapsed < duration)
        {
            var (body, signature) = requests[i++ % requests.Length];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Signature-Ed25519", signature);
            request.Headers.Add("X-Signature-Timestamp", timestamp);
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsByteArrayAsync();
                // A right answer is a 200 with a type-4 reply (a "no match" or error would be a failure here).
                if (response.StatusCode != HttpStatusCode.OK || text.Length < 10 || text[8] != (byte)'4' || !text.AsSpan().StartsWith("{\"type\":4"u8) || text.AsSpan().IndexOf("\"flags\":64"u8) >= 0)
                    Interlocked.Increment(ref failed);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failed);
            }
            mine.Add(Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref done);
        }
        if (record)
            lock (all)
                all.AddRange(mine);
    }).ToArray();
    await Task.WhenAll(workers);
    return (done, failed, all, clock.Elapsed);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
