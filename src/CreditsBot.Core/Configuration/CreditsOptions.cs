namespace CreditsBot.Core.Configuration;

/// <summary>Settings of the "Credits" section: where the pages are and where the index lives.</summary>
public sealed class CreditsOptions
{
    public const string SectionName = "Credits";

    /// <summary>Folders of credits pages (*.txt with optional *.meta.json). Relative paths are taken from the app's folder.</summary>
    public List<string> SeedFolders { get; set; } = ["seeds"];

    /// <summary>Where the on-disk index lives; empty keeps the index in memory.</summary>
    public string? IndexFolder { get; set; }

    /// <summary>Watch the seed folders and rebuild the index when a page is added, changed or removed.</summary>
    public bool WatchForChanges { get; set; } = true;
}
