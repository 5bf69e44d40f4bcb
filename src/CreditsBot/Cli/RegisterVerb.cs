using System.Text.Encodings.Web;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CreditsBot.Cli;

/// <summary>
/// <c>register [--dry-run]</c>: registers the commands (the slash command and the message command, installable to a
/// server and to a user, with their localizations) with one bulk overwrite (guild commands when Discord:GuildId is
/// set, global otherwise). <c>--dry-run</c> prints the JSON instead of sending it. Running it twice changes nothing.
/// </summary>
internal static class RegisterVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, LoadConfiguration());

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var options = new DiscordOptions();
        configuration.GetSection(DiscordOptions.SectionName).Bind(options);

        if (args.Contains("--dry-run"))
        {
            // Readable for a person: indented, apostrophes and accents as they are.
            var readable = new DiscordJsonContext(new JsonSerializerOptions(DiscordJsonContext.Default.Options)
            {
                WriteIndented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            output.WriteLine(JsonSerializer.Serialize(CreditsCommandDefinitions.Build(), readable.ListApplicationCommand));
            return 0;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            missing.Add("Discord:Token is missing: set Discord__Token (or dotnet user-secrets set Discord:Token ...)");
        if (string.IsNullOrWhiteSpace(options.ApplicationId))
            missing.Add("Discord:ApplicationId is missing: set Discord__ApplicationId");
        if (missing.Count > 0)
        {
            foreach (var line in missing)
                error.WriteLine($"register: {line}");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var wrapped = Options.Create(options);
        var registrar = new CommandRegistrar(new DiscordRestClient(http, wrapped, new RateLimitPolicy()), wrapped);
        try
        {
            var (scope, count) = await registrar.RegisterAsync(CancellationToken.None);
            output.WriteLine($"Registered {count} command(s) ({scope}).");
            return 0;
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            error.WriteLine($"register: {e.Message}");
            return 1;
        }
    }

    /// <summary>The same sources as the worker: appsettings.json beside the app, user-secrets, then the environment.</summary>
    private static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddUserSecrets(typeof(RegisterVerb).Assembly, optional: true)
        .AddEnvironmentVariables()
        .Build();
}
