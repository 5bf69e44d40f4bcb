using CreditsBot.Core.Import;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>Where the indexing service gets its pages: the seed importer, or a fake in tests.</summary>
public interface ICreditsCatalogSource
{
    /// <summary>Imports every page of the folders one by one; broken pages are in the report with their problems.</summary>
    ImportReport Load(IReadOnlyList<string> folders);
}
