using CreditsBot.Core.Import;
using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

/// <summary>One index of the bundled seed pages, shared by the tests that only read it.</summary>
internal static class SeedSearch
{
    private static readonly Lazy<CreditsSearchEngine> Engine = new(() =>
    {
        var engine = new CreditsSearchEngine();
        engine.Publish(SeedPageImporter.ImportFolders([SeedsFolder]), "seeds");
        return engine;
    });

    public static string SeedsFolder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static ICreditsSearch Instance => Engine.Value;
}
