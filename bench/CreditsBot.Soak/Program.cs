using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditsBot.Soak;
using NSec.Cryptography;

// Soak test: the published bot (Discord:Mode Both) against an in-process fake Discord on 127.0.0.1. Gateway
// interactions and signed HTTP interactions arrive together while the gateway drops sockets, stops acking
// heartbeats and sends op 7 / op 9, and REST answers slowly with a 429 now and then.
// Usage: dotnet run -c Release --project bench/CreditsBot.Soak -- [--seconds 300] [--rate 10] [--bot path/CreditsBot.dll]
var seconds = Arg("--seconds", 300);
var rate = Arg("--rate", 10); // per second and per transport
var chaosEvery = TimeSpan.FromSeconds(Arg("--chaos-seconds", 8));
var bot = ArgText("--bot") ?? await PublishAsync();

var ledger = new Ledger();
await using var discord = await FakeDiscord.StartAsync(ledger);
using var key = Key.Create(SignatureAlgorithm.Ed25519);
var botPort = FreePort();
var botUrl = new Uri($"http://127.0.0.1:{botPort}");
using var process = StartBot(bot, discord.BaseUrl, botUrl, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
var log = new StringBuilder();
process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
process.BeginOutputReadLine();
process.BeginErrorReadLine();

using var http = new HttpClient { BaseAddress = botUrl, Timeout = TimeSpan.FromSeconds(10) };
try
{
    await WaitUntilAsync(async () => (await http.GetAsync("/healthz/ready")).IsSuccessStatusCode && discord.HasLiveSession, TimeSpan.FromSeconds(60));
    await Task.Delay(TimeSpan.FromSeconds(3)); // warm-up before the "start" sample
    var start = Sample(process);
    Console.WriteLine($"soak: {seconds} s, {rate}/s per transport, chaos every ~{chaosEvery.TotalSeconds:0} s; bot pid {process.Id}");

    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var chaos = ChaosAsync(discord, chaosEvery, stop.Token);
    var gateway = GenerateAsync(rate, stop.Token, async id => await discord.DispatchAsync(id, Interaction(id, KindOf(id))));
    var signed = GenerateAsync(rate, stop.Token, id => PostSignedAsync(http, key, id, ledger));
    var samples = SampleEveryAsync(process, TimeSpan.FromSeconds(Math.Max(10, seconds / 10)), stop.Token);
    await Task.WhenAll(chaos, gateway, signed);

    // Let deferred answers, edits and replays arrive before counting.
    await Task.Delay(TimeSpan.FromSeconds(8));
    var end = Sample(process);
    var metrics = await http.GetStringAsync("/metrics");
    Report(ledger.Summarize(), discord.Counters, start, end, metrics, seconds, rate);
    Console.WriteLine("resident memory over the run (MiB): " + string.Join(" → ", (await samples).Select(s => s.RssMiB.ToString("0", CultureInfo.InvariantCulture))));
}
finally
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
    }

    await process.WaitForExitAsync();
    var path = Path.Combine(Path.GetTempPath(), "creditsbot-soak.log");
    lock (log)
        File.WriteAllText(path, log.ToString());
    Console.WriteLine($"bot log: {path}");
}

return ledger.Summarize() is { Lost: 0, Doubled: 0, Late: 0 } ? 0 : 1;

static async Task<List<Sample>> SampleEveryAsync(Process process, TimeSpan every, CancellationToken stop)
{
    var samples = new List<Sample>();
    try
    {
        while (true)
        {
            samples.Add(Sample(process));
            await Task.Delay(every, stop);
        }
    }
    catch (OperationCanceledException)
    {
    }

    return samples;
}

static async Task ChaosAsync(FakeDiscord discord, TimeSpan every, CancellationToken stop)
{
    var random = new Random(11);
    var next = 0;
    try
    {
        while (true)
        {
            await Task.Delay(every * (0.5 + random.NextDouble()), stop);
            if (await discord.DisruptAsync(FakeDiscord.Disruptions[next % FakeDiscord.Disruptions.Length]))
                next++;
        }
    }
    catch (OperationCanceledException)
    {
    }
}

static async Task GenerateAsync(int perSecond, CancellationToken stop, Func<string, Task<bool>> send)
{
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
    var pending = new List<Task>();
    try
    {
        while (await timer.WaitForNextTickAsync(stop))
        {
            pending.Add(SendOneAsync(send));
        }
    }
    catch (OperationCanceledException)
    {
    }

    await Task.WhenAll(pending);
}

static async Task<bool> SendOneAsync(Func<string, Task<bool>> send)
{
    // Sent only while Discord has a live session (as Discord does); a tick with none is skipped, not queued.
    return await send(NextId());
}

static async Task<bool> PostSignedAsync(HttpClient http, Key key, string id, Ledger ledger)
{
    var body = Encoding.UTF8.GetBytes(Interaction(id, KindOf(id)).ToJsonString());
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var signature = SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
    using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
    request.Headers.Add("X-Signature-Timestamp", timestamp);
    ledger.Sent(id, "http");
    try
    {
        using var response = await http.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var type = answer.RootElement.GetProperty("type").GetInt32();
            var busy = answer.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("content", out var content)
                && content.GetString()?.Contains("busy", StringComparison.OrdinalIgnoreCase) == true;
            ledger.Answered(id, type, busy);
        }
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        // Counted as lost.
    }

    return true;
}

static string KindOf(string id) => (long.Parse(id, CultureInfo.InvariantCulture) % 5) switch
{
    0 => "about",
    1 => "role",
    2 => "section",
    3 => "autocomplete",
    _ => "person",
};

static JsonObject Interaction(string id, string kind)
{
    var (type, sub, option) = kind switch
    {
        "about" => (2, "about", (JsonObject?)null),
        "role" => (2, "role", new JsonObject { ["name"] = "query", ["type"] = 3, ["value"] = "lead" }),
        "section" => (2, "section", new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "vision" }),
        "autocomplete" => (4, "person", new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "ja", ["focused"] = true }),
        _ => (2, "person", new JsonObject { ["name"] = "name", ["type"] = 3, ["value"] = "jon doe" }),
    };
    return new JsonObject
    {
        ["id"] = id,
        ["application_id"] = "1216309572403331073",
        ["type"] = type,
        ["token"] = "token-" + id,
        ["version"] = 1,
        ["guild_id"] = "838482473779331074",
        ["channel_id"] = "838482725437571075",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "646650947174531076", ["username"] = "soak" }, ["roles"] = new JsonArray(), ["permissions"] = "0" },
        ["data"] = new JsonObject
        {
            ["id"] = "1531692711936131077",
            ["name"] = "credits",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["name"] = sub,
                ["type"] = 1,
                ["options"] = option is null ? new JsonArray() : new JsonArray(option),
            }),
        },
    };
}

static void Report(Figures f, IReadOnlyDictionary<string, int> counters, Sample start, Sample end, string metrics, int seconds, int rate)
{
    Console.WriteLine();
    Console.WriteLine($"| soak ({seconds} s, {rate}/s per transport) | figure |");
    Console.WriteLine("|---|---|");
    Console.WriteLine($"| interactions sent | {f.Sent} ({string.Join(", ", f.ByTransport.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}"))}) |");
    Console.WriteLine($"| answered exactly once | {f.ExactlyOnce} |");
    Console.WriteLine($"| lost / doubled / late (> 3 s) | {f.Lost} / {f.Doubled} / {f.Late} |");
    Console.WriteLine($"| time to the initial answer p50 / p99 / max | {f.P50.TotalMilliseconds:0} / {f.P99.TotalMilliseconds:0} / {f.Max.TotalMilliseconds:0} ms |");
    Console.WriteLine($"| deferred (edit missing) / busy | {f.Deferred} ({f.DeferredWithoutEdit}) / {f.Busy} |");
    Console.WriteLine($"| identifies / resume attempts / resumed | {Get(counters, "identify")} / {Get(counters, "resume attempt")} / {Get(counters, "resumed")} |");
    Console.WriteLine($"| chaos | {string.Join(", ", counters.Where(c => c.Key.StartsWith("chaos ", StringComparison.Ordinal)).OrderBy(c => c.Key).Select(c => $"{c.Key[6..]} {c.Value}"))} |");
    Console.WriteLine($"| REST 429s / replayed dispatches | {Get(counters, "rest 429")} / {Get(counters, "replayed dispatch")} |");
    Console.WriteLine($"| resident memory start → end | {start.RssMiB:0.0} → {end.RssMiB:0.0} MiB |");
    Console.WriteLine($"| handles (open fds) start → end | {start.Handles} → {end.Handles} |");
    Console.WriteLine();
    foreach (var lost in f.Unanswered.Take(20))
        Console.WriteLine("unanswered: " + lost);
    Console.WriteLine("fake gateway counters: " + string.Join(", ", counters.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")));
    Console.WriteLine("bot metrics:");
    foreach (var line in metrics.Split('\n').Where(l => l.StartsWith("creditsbot_gateway", StringComparison.Ordinal) || l.StartsWith("creditsbot_interaction_deferrals", StringComparison.Ordinal)))
    {
        Console.WriteLine("  " + line);
    }
}

static int Get(IReadOnlyDictionary<string, int> counters, string key) => counters.TryGetValue(key, out var n) ? n : 0;

static Sample Sample(Process process)
{
    var status = File.ReadAllLines($"/proc/{process.Id}/status");
    var rssKb = double.Parse(status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    return new Sample(rssKb / 1024, Directory.GetFiles($"/proc/{process.Id}/fd").Length);
}

static Process StartBot(string dll, Uri discord, Uri listen, string publicKey)
{
    var start = new ProcessStartInfo("dotnet", [dll])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = Path.GetDirectoryName(dll)!,
    };
    start.Environment["ASPNETCORE_URLS"] = listen.ToString();
    start.Environment["Discord__Mode"] = "Both";
    start.Environment["Discord__Token"] = "soak-fake-token";
    start.Environment["Discord__ApplicationId"] = "1216309572403331073";
    start.Environment["Discord__PublicKey"] = publicKey;
    start.Environment["Discord__RegisterCommandsOnStart"] = "false";
    start.Environment["Discord__ApiBaseUrl"] = new Uri(discord, "/api/v10").ToString();
    start.Environment["Discord__GatewayUrl"] = $"ws://{discord.Authority}/gateway";
    start.Environment["Credits__WatchForChanges"] = "false";
    start.Environment["Metrics__Enabled"] = "true";
    start.Environment["Logging__LogLevel__Default"] = "Information";
    return Process.Start(start)!;
}

static async Task<string> PublishAsync()
{
    var repo = new DirectoryInfo(AppContext.BaseDirectory);
    while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "CreditsBot.sln")))
        repo = repo.Parent;
    var output = Path.Combine(Path.GetTempPath(), "creditsbot-soak-publish");
    Console.WriteLine($"publishing the bot to {output} …");
    using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(repo!.FullName, "src", "CreditsBot", "CreditsBot.csproj"), "-c", "Release", "-o", output, "-p:UseAppHost=false", "-nologo", "-v", "q"]))!;
    await publish.WaitForExitAsync();
    if (publish.ExitCode != 0)
        throw new InvalidOperationException("dotnet publish failed");
    return Path.Combine(output, "CreditsBot.dll");
}

static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
{
    var deadline = DateTime.UtcNow + timeout;
    while (true)
    {
        try
        {
            if (await condition())
                return;
        }
        catch (HttpRequestException)
        {
        }

        if (DateTime.UtcNow > deadline)
            throw new TimeoutException("the bot did not become ready with a live gateway session");
        await Task.Delay(200);
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

int Arg(string name, int fallback) => ArgText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string NextId() => Interlocked.Increment(ref Ids.Next).ToString(CultureInfo.InvariantCulture);

internal static class Ids
{
    public static long Next = 1533081865936830470L;
}

internal sealed record Sample(double RssMiB, int Handles);
