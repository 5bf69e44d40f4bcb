using CreditsBot.Core.Model;
using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

/// <summary>Small catalogs built in code: one document, sections of "Name" or "Name — Role" lines.</summary>
internal static class TestCatalogs
{
    public static CreditsCatalog Build(string documentId, params (string Area, string Section, string[] Credits)[] sections)
    {
        var areas = sections
            .GroupBy(s => s.Area)
            .Select(g => new CreditArea(g.Key, g.Select(s => new CreditSection(s.Section, s.Credits.Select(Parse).ToList())).ToList()))
            .ToList();
        var document = new CreditsDocument(documentId, documentId + " credits", documentId + ".txt", null, areas);
        return new CreditsCatalog([document], DateTimeOffset.UnixEpoch);
    }

    public static CreditsSearchEngine Engine(CreditsCatalog catalog)
    {
        var engine = new CreditsSearchEngine();
        engine.Publish(catalog, "test");
        return engine;
    }

    private static Credit Parse(string text)
    {
        var dash = text.IndexOf(" — ", StringComparison.Ordinal);
        return dash < 0 ? new Credit(text, null) : new Credit(text[..dash], text[(dash + 3)..]);
    }
}
