using CreditsBot.Hosting;

namespace CreditsBot.Cli;

/// <summary>
/// <c>healthcheck</c>: asks the running worker's <c>/healthz</c> on this machine and exits 0 when it is ready.
/// Docker's HEALTHCHECK calls it, since the runtime image has no curl.
/// </summary>
internal static class HealthcheckVerb
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var url = args.Length > 0 ? args[0] : LocalHealthUrl(ListenUrls.Resolve(ListenUrls.FromEnvironment()));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(url);
            output.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"healthcheck: {url} did not answer ({e.Message})");
            return 1;
        }
    }

    /// <summary>
    /// The first listening URL (an http one if any), with a wildcard host replaced by loopback:
    /// http://0.0.0.0:8080 → http://127.0.0.1:8080/healthz.
    /// </summary>
    public static string LocalHealthUrl(IReadOnlyList<string> urls)
    {
        var first = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? urls[0];
        var uri = new Uri(first.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}/healthz";
    }
}
