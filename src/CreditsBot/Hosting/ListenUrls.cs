using Microsoft.Extensions.Configuration;

namespace CreditsBot.Hosting;

/// <summary>
/// Where the HTTP surface listens. ASP.NET Core's own settings win when any is given — <c>ASPNETCORE_URLS</c> or
/// <c>DOTNET_URLS</c> or <c>--urls</c> (all "urls"), <c>ASPNETCORE_HTTP_PORTS</c> ("http_ports"),
/// <c>ASPNETCORE_HTTPS_PORTS</c> ("https_ports") — as container platforms set them; otherwise <c>Http:Urls</c>
/// (from appsettings.json, <c>Http__Urls</c> or <c>--Http:Urls</c>) is the default underneath.
/// </summary>
public static class ListenUrls
{
    public const string SettingName = "Http:Urls";

    /// <summary>ASP.NET Core's own address settings, by configuration key (ASPNETCORE_ or DOTNET_ plus the key in the environment).</summary>
    public static readonly IReadOnlyList<string> StandardKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>True when one of ASP.NET Core's standard address settings is given: then the host binds it itself.</summary>
    public static bool StandardSettingGiven(IConfiguration configuration) =>
        StandardKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>The <c>Http:Urls</c> value to bind when no standard setting is given; null when the standard ones decide.</summary>
    public static string? Fallback(IConfiguration configuration) =>
        StandardSettingGiven(configuration) || string.IsNullOrWhiteSpace(configuration[SettingName]) ? null : configuration[SettingName];

    /// <summary>The addresses the worker listens on under <paramref name="configuration"/>, in the order the rule above gives them.</summary>
    public static IReadOnlyList<string> Resolve(IConfiguration configuration)
    {
        if (Split(configuration["urls"]) is { Length: > 0 } urls)
            return urls;

        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}"))
            .ToArray();
        if (ports.Length > 0)
            return ports;

        return Split(configuration[SettingName]) is { Length: > 0 } fallback ? fallback : ["http://localhost:5000"];
    }

    /// <summary>
    /// The configuration the worker itself reads for addresses, rebuilt outside the host (for the healthcheck verb):
    /// appsettings.json next to the app, then the environment, the same prefixes as the host.
    /// </summary>
    public static IConfiguration FromEnvironment() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddEnvironmentVariables("DOTNET_")
        .AddEnvironmentVariables("ASPNETCORE_")
        .Build();

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
