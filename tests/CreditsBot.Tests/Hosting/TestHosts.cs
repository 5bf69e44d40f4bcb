using System.Diagnostics;
using CreditsBot.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CreditsBot.Tests.Hosting;

/// <summary>
/// The worker as the tests start it, deaf to the machine's own ASP.NET Core address settings: the .NET container
/// images set ASPNETCORE_HTTP_PORTS=8080 (so the image's test stage has it), a shell may set ASPNETCORE_URLS, and
/// either would otherwise win over the test's own address.
/// </summary>
internal static class TestHosts
{
    /// <summary>Builds the host with the standard address settings cleared, then <paramref name="args"/> (which may set them again).</summary>
    public static WebApplication Build(params string[] args) =>
        CreditsBotHost.Build([.. ListenUrls.StandardKeys.Select(key => $"--{key}="), .. args]);

    /// <summary>Removes the standard address variables that a child process would otherwise inherit.</summary>
    public static void ClearStandardAddressVariables(ProcessStartInfo start)
    {
        foreach (var key in ListenUrls.StandardKeys)
        {
            start.Environment.Remove($"ASPNETCORE_{key.ToUpperInvariant()}");
            start.Environment.Remove($"DOTNET_{key.ToUpperInvariant()}");
        }
    }
}
