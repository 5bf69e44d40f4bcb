using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>The catalog of the credits pages in the seed folders, through <see cref="SeedPageImporter"/>.</summary>
public sealed class SeedFolderCatalogSource : ICreditsCatalogSource
{
    public CreditsCatalog Load(IReadOnlyList<string> folders) => SeedPageImporter.ImportFolders(folders);
}
