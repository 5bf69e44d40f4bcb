using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Xunit.Abstractions;

namespace CreditsBot.Tests.SelfHosting;

/// <summary>
/// No Docker engine runs here, so this does what the Dockerfile does: restore and publish with its
/// arguments, run the published app as a non-root user with its environment, check /healthz and one signed
/// lookup, and stop it the way Docker does (SIGTERM).
/// </summary>
public sealed class PublishedBuildSmokeTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "creditsbot-smoke", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_published_app_serves_health_and_a_signed_lookup_as_a_non_root_user_and_stops_cleanly()
    {
        var repo = RepoRoot();
        var recipe = DockerfileRecipe.Read(Path.Combine(repo, "Dockerfile"));
        Assert.Equal("$APP_UID", recipe.User);
        Assert.Equal(["dotnet", "CreditsBot.dll", "healthcheck"], recipe.HealthcheckCommand);

        var app = Path.Combine(_work, "app");
        var data = Path.Combine(_work, "data");
        Directory.CreateDirectory(Path.Combine(data, "credits"));
        Directory.CreateDirectory(Path.Combine(data, "index"));
        await Dotnet(repo, recipe.RestoreArguments);
        await Dotnet(repo, recipe.PublishArguments.Select(a => a == "/app" ? app : a));
        Assert.True(File.Exists(Path.Combine(app, "seeds", "gpt-4.txt")), "the seeds travel with the published app");
        Assert.True(File.Exists(Path.Combine(app, "appsettings.json")));

        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var port = FreePort();
        var environment = recipe.Environment.ToDictionary(
            e => e.Key,
            e => e.Value.Replace("/app", app).Replace("/data", data).Replace($":{recipe.ExposedPort}", $":{port}").Replace("0.0.0.0", "127.0.0.1"));
        // The secrets Docker users pass at run time; HTTP mode needs no Discord on the network.
        environment["Discord__Mode"] = "Http";
        environment["Discord__PublicKey"] = Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        environment["Discord__RegisterCommandsOnStart"] = "false";
        MakeWritableForEveryone(_work);

        using var process = StartAsNonRoot(app, recipe.Entrypoint, environment);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var health = await WaitForHealthy(http, process);
            Assert.True(health.GetProperty("ready").GetBoolean());
            Assert.Equal(2, health.GetProperty("documents").GetInt32());

            var reply = await SignedLookup(http, key, "greg brockman");
            Assert.Equal(4, reply.GetProperty("type").GetInt32());
            Assert.Contains("Greg Brockman", reply.GetProperty("data").GetRawText());

            // The Docker HEALTHCHECK command, run the same way.
            var check = await RunHealthcheck(app, recipe.HealthcheckCommand, environment);
            Assert.Equal(0, check);

            Terminate(process);
            Assert.True(process.WaitForExit(15_000), "the app stops within 15 s of SIGTERM");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            log.WriteLine(output.ToString());
        }

        Assert.DoesNotContain("Unhandled exception", output.ToString());
    }

    private static async Task<JsonElement> WaitForHealthy(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the app exited during start");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("/healthz did not answer 200 within 30 s");
    }

    private static async Task<JsonElement> SignedLookup(HttpClient http, Key key, string name)
    {
        var body = JsonSerializer.Serialize(new
        {
            id = "1100000000000000001", application_id = "1100000000000000002", type = 2, token = "smoke-token", version = 1,
            guild_id = "1100000000000000003", channel_id = "1100000000000000004",
            member = new { user = new { id = "1100000000000000005", username = "smoke" } },
            data = new
            {
                id = "1100000000000000006", name = "credits", type = 1,
                options = new[] { new { name = "person", type = 1, options = new[] { new { name = "name", type = 3, value = name } } } },
            },
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var signature = SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp + body));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<int> RunHealthcheck(string app, IReadOnlyList<string> command, Dictionary<string, string> environment)
    {
        using var check = StartAsNonRoot(app, command, environment);
        var text = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        log.WriteLine($"healthcheck: {text.Trim()}");
        return check.ExitCode;
    }

    /// <summary>Runs as "nobody" when the tests run as root (as in CI), like the image's USER $APP_UID.</summary>
    private static Process StartAsNonRoot(string app, IReadOnlyList<string> command, Dictionary<string, string> environment)
    {
        var asRoot = Environment.UserName == "root";
        var info = new ProcessStartInfo(asRoot ? "setpriv" : command[0])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", command[0] }) info.ArgumentList.Add(arg);
        }

        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        return Process.Start(info)!;
    }

    private static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
        kill.WaitForExit();
    }

    private async Task Dotnet(string workingDirectory, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in arguments) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            log.WriteLine(await stdout + await stderr);
            Assert.Fail($"dotnet {string.Join(' ', info.ArgumentList)} failed with {process.ExitCode}");
        }
    }

    private static void MakeWritableForEveryone(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        foreach (var path in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            if (Directory.Exists(path))
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }

        File.SetUnixFileMode(Path.GetDirectoryName(folder)!, (UnixFileMode)0b111_111_111);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CreditsBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CreditsBot.sln not found above the test folder");
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
