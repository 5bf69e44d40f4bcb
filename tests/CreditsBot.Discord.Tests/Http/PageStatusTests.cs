using CreditsBot.Core.Configuration;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Indexing;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Http;

/// <summary>A folder with good pages and a broken one: the good pages serve, and /healthz and /credits about name the broken page and why.</summary>
public sealed class PageStatusTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "creditsbot-tests", Guid.NewGuid().ToString("N"));
    private readonly CreditsSearchEngine engine = new();

    public PageStatusTests()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "alpha.txt"), "Alpha team\nAnn Lee, Bo Chen\n");
        File.WriteAllText(Path.Combine(folder, "beta.md"), "# Beta\n\n## Build\n\n- Cy Wu — Build lead\n");
        File.WriteAllText(Path.Combine(folder, "broken.txt"), "Team\nAnn Lee, Bo Chen\n\nCrew\nAnn Lee, 42 ???\n");
        using var service = new CreditsIndexService(engine, new SeedFolderCatalogSource(),
            Options.Create(new CreditsOptions { SeedFolders = [folder], WatchForChanges = false }), NullLogger<CreditsIndexService>.Instance);
        service.Refresh();
    }

    public void Dispose()
    {
        engine.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Healthz_lists_each_page_indexed_or_rejected_with_its_reason()
    {
        var report = HealthEndpoint.Report(engine);

        Assert.True(report.Ready);
        Assert.Equal(2, report.Documents);
        var pages = report.Pages!.ToDictionary(p => p.Page);
        Assert.Equal("indexed", pages["alpha.txt"].Status);
        Assert.Equal("indexed", pages["beta.md"].Status);
        Assert.Equal("rejected", pages["broken.txt"].Status);
        Assert.False(pages["broken.txt"].OlderVersionServed);
        Assert.Contains("broken.txt:5:1: 'Ann Lee, 42 ???': '42 ???' in this list is not a name", pages["broken.txt"].Reason);
    }

    [Fact]
    public void About_lists_the_pages_with_the_rejected_one_and_its_reason()
    {
        var reply = new CreditsCommandHandlers(engine).Handle(new AboutCommand(), ephemeral: false);

        var pages = Assert.Single(reply.Fields, f => f.Name == "Pages").Value;
        Assert.Contains("`alpha.txt` indexed", pages);
        Assert.Contains("`broken.txt` rejected: ", pages);
        Assert.Contains("is not a name", pages);
    }
}
