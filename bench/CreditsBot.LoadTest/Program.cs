using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CreditsBot.Core.Import;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Http;
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
var names = SeedPageImporter.ImportFolders([seeds]).Entries().Select(e => e.Person).Distinct(StringComparer.Ordinal).ToList();
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
    ["Credits:SeedFolders:0"] = seeds,
    ["Credits:WatchForChanges"] = "false",
});
// The real search (Lucene.Net, in memory), as the host wires it.
builder.Services.AddCreditsSearch(builder.Configuration);
builder.Services.AddDiscordInteractions(builder.Configuration);
await using var app = builder.Build();
app.MapDiscordInteractions();
app.MapCreditsHealth();
await app.StartAsync();
var search = app.Services.GetRequiredService<ICreditsSearch>();
var indexing = Stopwatch.StartNew();
while (!search.IsReady && indexing.Elapsed < TimeSpan.FromSeconds(60))
    await Task.Delay(50);
Console.WriteLine($"index ready: {search.IsReady} after {indexing.Elapsed.TotalMilliseconds:0} ms");
var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

// Pre-signed requests, one per credited name (Discord signs each with its own timestamp; so do we).
var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
var requests = names.Take(1000).Select((name, i) =>
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

// Whole HTTP/1.1 requests, built once: the generator then only writes bytes and reads answers, as wrk does,
// so that most of the two cores go to the endpoint rather than to the client.
var target = new Uri(address);
var wire = requests.Select(r => Encoding.ASCII.GetBytes(
        $"POST /interactions HTTP/1.1\r\nHost: {target.Authority}\r\nContent-Type: application/json\r\n" +
        $"Content-Length: {r.Body.Length}\r\nX-Signature-Ed25519: {r.Signature}\r\nX-Signature-Timestamp: {timestamp}\r\n\r\n")
    .Concat(r.Body).ToArray()).ToArray();
var endpoint = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);

if (args.Contains("--parts"))
{
    // Where one request's CPU goes, measured on one thread without HTTP.
    var verifier = app.Services.GetRequiredService<Ed25519SignatureVerifier>();
    var router = app.Services.GetRequiredService<CreditsBot.Discord.Commands.InteractionRouter>();
    const int rounds = 20_000;
    void Measure(string part, Action<int> action)
    {
        for (var i = 0; i < 5000; i++) action(i);
        // CPU time and allocations as well as wall time, since other load on the machine inflates wall time.
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++) action(i);
        var wall = watch.Elapsed;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - before;
        Console.WriteLine($"{part,-40} {cpu.TotalMicroseconds / rounds,7:0.0} µs CPU {wall.TotalMicroseconds / rounds,7:0.0} µs wall {allocated / rounds,7} B allocated");
    }
    Measure("Ed25519 verify", i => verifier.Verify(requests[i % requests.Length].Signature, timestamp, requests[i % requests.Length].Body));
    Measure("parse interaction", i => JsonSerializer.Deserialize(requests[i % requests.Length].Body, CreditsBot.Discord.Wire.DiscordJsonContext.Default.Interaction));
    var parsed = requests.Select(r => JsonSerializer.Deserialize(r.Body, CreditsBot.Discord.Wire.DiscordJsonContext.Default.Interaction)!).ToArray();
    Measure("  of which search.GetPerson + FindPerson", i => { search.GetPerson(names[i % requests.Length]); search.FindPerson(names[i % requests.Length], 5); });
    Measure("dispatch (lookup + reply model + limits)", i => router.HandleAsync(parsed[i % parsed.Length]).GetAwaiter().GetResult());
    var answers = parsed.Select(p => router.HandleAsync(p).GetAwaiter().GetResult().Response).ToArray();
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
        var buffer = new byte[128 * 1024];
        var i = worker;
        Socket? socket = null;
        while (clock.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                if (socket is null)
                {
                    socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await socket.ConnectAsync(endpoint);
                }
                await socket.SendAsync(wire[i++ % wire.Length], SocketFlags.None);
                if (!await ReadAnswerAsync(socket, buffer))
                    Interlocked.Increment(ref failed);
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref failed);
                socket?.Dispose();
                socket = null;
            }
            mine.Add(Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref done);
        }
        socket?.Dispose();
        if (record)
            lock (all)
                all.AddRange(mine);
    }).ToArray();
    await Task.WhenAll(workers);
    return (done, failed, all, clock.Elapsed);
}

// Reads one HTTP/1.1 answer (Content-Length framed) and says whether it is a 200 with a public type-4 reply.
static async Task<bool> ReadAnswerAsync(Socket socket, byte[] buffer)
{
    var filled = 0;
    var headerEnd = -1;
    var contentLength = 0;
    while (headerEnd < 0 || filled < headerEnd + 4 + contentLength)
    {
        if (filled == buffer.Length)
            throw new SocketException((int)SocketError.MessageSize);
        var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
        if (read == 0)
            throw new SocketException((int)SocketError.ConnectionReset);
        filled += read;
        if (headerEnd < 0 && (headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) >= 0)
        {
            var headers = Encoding.ASCII.GetString(buffer, 0, headerEnd);
            var line = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            contentLength = line is null ? 0 : int.Parse(line.AsSpan("Content-Length:".Length).Trim());
        }
    }
    var body = buffer.AsSpan(headerEnd + 4, contentLength);
    return buffer.AsSpan(0, filled).StartsWith("HTTP/1.1 200"u8) && body.StartsWith("{\"type\":4"u8) && body.IndexOf("\"flags\":64"u8) < 0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
