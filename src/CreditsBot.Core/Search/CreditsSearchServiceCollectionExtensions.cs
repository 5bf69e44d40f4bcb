using CreditsBot.Core.Configuration;
using CreditsBot.Core.Search.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CreditsBot.Core.Search;

public static class CreditsSearchServiceCollectionExtensions
{
    /// <summary>
    /// The search: <see cref="CreditsOptions"/> from the "Credits" section (validated at start), the engine as
    /// <see cref="ICreditsSearch"/> and <see cref="Connections.ICreditsConnections"/>, and <see cref="CreditsIndexService"/>, which builds and refreshes the index.
    /// </summary>
    public static IServiceCollection AddCreditsSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CreditsOptions.SectionName);
        services.AddOptions<CreditsOptions>()
            .Configure(options => Bind(section, options))
            .Validate(o => o.SeedFolders.Count > 0 && o.SeedFolders.All(f => !string.IsNullOrWhiteSpace(f)),
                "Credits:SeedFolders must name at least one folder")
            .ValidateOnStart();

        services.TryAddSingleton<ICreditsCatalogSource, SeedFolderCatalogSource>();
        services.TryAddSingleton<CreditsSearchEngine>();
        services.TryAddSingleton<ICreditsSearch>(provider => provider.GetRequiredService<CreditsSearchEngine>());
        services.TryAddSingleton<Connections.ICreditsConnections>(provider => provider.GetRequiredService<CreditsSearchEngine>());
        services.TryAddSingleton<CreditsIndexService>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<CreditsIndexService>());
        return services;
    }

    /// <summary>Reads the section with replace semantics (a list in configuration replaces the default, never appends to it).</summary>
    private static void Bind(IConfigurationSection section, CreditsOptions options)
    {
        var folders = section.GetSection(nameof(CreditsOptions.SeedFolders)).GetChildren()
            .Select(c => c.Value)
            .OfType<string>()
            .ToList();
        if (folders.Count > 0)
            options.SeedFolders = folders;
        if (section[nameof(CreditsOptions.IndexFolder)] is { } indexFolder)
            options.IndexFolder = indexFolder;
        if (bool.TryParse(section[nameof(CreditsOptions.WatchForChanges)], out var watch))
            options.WatchForChanges = watch;
    }
}
