using CreditsBot.Core.Model;

namespace CreditsBot.Core.Import;

/// <summary>Turns a folder of scraped credits pages (*.txt, with optional *.meta.json beside each) into a catalog.</summary>
public static class SeedPageImporter
{
    /// <summary>Imports every page of every folder, all or nothing: any broken file throws <see cref="SeedImportException"/>.</summary>
    public static CreditsCatalog ImportFolders(IEnumerable<string> folders) => throw new NotImplementedException();

    public static CreditsDocument ImportFile(string path) => throw new NotImplementedException();
}
