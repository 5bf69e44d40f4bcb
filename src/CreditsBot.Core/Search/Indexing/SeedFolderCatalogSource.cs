using CreditsBot.Core.Import;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>The pages in the seed folders, through <see cref="SeedPageImporter"/>.</summary>
public sealed class SeedFolderCatalogSource : ICreditsCatalogSource
{
    public ImportReport Load(IReadOnlyList<string> folders) => SeedPageImporter.ImportPages(folders);
}
