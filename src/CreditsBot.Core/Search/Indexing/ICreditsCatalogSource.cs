using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>Where the indexing service gets its catalog: the seed importer, or a fake in tests.</summary>
public interface ICreditsCatalogSource
{
    /// <summary>Imports every page of the folders, all or nothing (throws on a broken page).</summary>
    CreditsCatalog Load(IReadOnlyList<string> folders);
}
