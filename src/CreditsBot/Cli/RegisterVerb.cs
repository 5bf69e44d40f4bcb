using System.Text.Encodings.Web;
using System.Text.Json;
using CreditsBot.Core.Import;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CreditsBot.Cli;

/// <summary>
/// <c>register [--seeds DIR] [--dry-run]</c>: registers the slash commands with one bulk overwrite (guild commands
/// when Discord:GuildId is set, global otherwise). The pages give the <c>document</c> choices. <c>--dry-run</c>
/// prints the JSON instead of sending it. Running it twice changes nothing.
/// </summary>
internal static class RegisterVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, LoadConfiguration());

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration configuration)
    {
        var options = new DiscordOptions();
        configuration.GetSection(DiscordOptions.SectionName).Bind(options);

        IReadOnlyList<DocumentChoice> documents;
        try
        {
            var catalog = SeedPageImporter.ImportFolders(SeedFolders.FromArgs(args));
            documents = catalog.Documents.Select(d => new DocumentChoice(d.Id, d.Title)).ToList();
        }
        catch (SeedImportException e)
        {
            error.WriteLine($"register: could not read the pages for the document choices: {e.Message}");
            return 1;
        }

        if (args.Contains("--dry-run"))
        {
            // Readable for a person: indented, apostrophes and accents as they are.
            var readable = new DiscordJsonContext(new JsonSerializerOptions(DiscordJsonContext.Default.Options)
            {
                WriteIndented = true,
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            output.WriteLine(JsonSerializer.Serialize(CreditsCommandDefinitions.Build(documents), readable.ListApplicationCommand));
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
            var (scope, count) = await registrar.RegisterAsync(documents, CancellationToken.None);
            output.WriteLine($"Registered {count} command(s) ({scope}) with {documents.Count} document choice(s).");
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
