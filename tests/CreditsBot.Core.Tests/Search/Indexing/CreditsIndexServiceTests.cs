using CreditsBot.Core.Configuration;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Indexing;
using CreditsBot.Core.Tests.Import;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Core.Tests.Search.Indexing;

public sealed class CreditsIndexServiceTests : IDisposable
{
    private readonly TempPages pages = new();
    private readonly RecordingLogger<CreditsIndexService> log = new();

    public void Dispose() => pages.Dispose();

    private string SeedsFolder => Path.Combine(pages.Folder, "seeds");

    private void CopySeed(string name)
    {
        Directory.CreateDirectory(SeedsFolder);
        File.Copy(Path.Combine(SeedSearch.SeedsFolder, name), Path.Combine(SeedsFolder, name), overwrite: true);
    }

    private CreditsIndexService Service(CreditsSearchEngine engine, string? indexFolder = null, bool watch = false) => new(
        engine,
        new SeedFolderCatalogSource(),
        Options.Create(new CreditsOptions { SeedFolders = ["seeds"], IndexFolder = indexFolder, WatchForChanges = watch }),
        log,
        new TestEnvironment(pages.Folder));

    [Fact]
    public void Relative_folders_are_taken_from_the_content_root()
    {
        using var engine = new CreditsSearchEngine();
        using var service = Service(engine, indexFolder: "index");

        Assert.Equal([SeedsFolder], service.Folders);
        Assert.Equal(Path.Combine(pages.Folder, "index"), service.IndexFolder);
    }

    [Fact]
    public void Pages_added_changed_and_removed_are_indexed_and_unchanged_inputs_are_not_rebuilt()
    {
        CopySeed("gpt-4v.txt");
        using var engine = new CreditsSearchEngine();
        using var service = Service(engine);

        Assert.Equal(IndexRefresh.Rebuilt, service.Refresh());
        Assert.Equal(IndexRefresh.Unchanged, service.Refresh());
        Assert.Empty(engine.FindPerson("Phil Tillet").Hits);

        CopySeed("gpt-4.txt");
        Assert.Equal(IndexRefresh.Rebuilt, service.Refresh());
        Assert.Equal("Phil Tillet", engine.FindPerson("Phil Tillet").Hits[0].Name);

        File.Delete(Path.Combine(SeedsFolder, "gpt-4.txt"));
        Assert.Equal(IndexRefresh.Rebuilt, service.Refresh());
        Assert.Empty(engine.FindPerson("Phil Tillet").Hits);
        Assert.Equal("Raul Puri", engine.FindPerson("Raul Puri").Hits[0].Name);
    }

    [Fact]
    public void A_broken_new_page_is_one_log_line_and_the_other_pages_keep_serving()
    {
        CopySeed("gpt-4v.txt");
        using var engine = new CreditsSearchEngine();
        using var service = Service(engine);
        service.Refresh();
        var before = engine.Fingerprint;

        File.WriteAllBytes(Path.Combine(SeedsFolder, "broken.txt"), [0, 1, 2, 0xFF, 0xFE, 0]);

        Assert.Equal(IndexRefresh.Unchanged, service.Refresh());
        Assert.Equal(before, engine.Fingerprint);
        Assert.Equal("Raul Puri", engine.FindPerson("Raul Puri").Hits[0].Name);
        var error = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Null(error.Exception);
        Assert.Contains("broken.txt", error.Message);
        Assert.Equal(["gpt-4v.txt indexed", "broken.txt rejected"], engine.Pages.Select(p => $"{p.Page} {p.State}").Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Seeds_and_a_broken_page_serve_the_seeds_and_a_page_broken_later_keeps_its_last_good_version()
    {
        CopySeed("gpt-4v.txt");
        CopySeed("gpt-4.txt");
        var team = Path.Combine(SeedsFolder, "team.txt");
        File.WriteAllText(team, "Team\nAnn Lee, Bo Chen\n");
        using var engine = new CreditsSearchEngine();
        using var service = Service(engine);
        Assert.Equal(IndexRefresh.Rebuilt, service.Refresh());
        Assert.Equal("Bo Chen", engine.FindPerson("Bo Chen").Hits[0].Name);

        File.WriteAllText(team, "Team\nAnn Lee, Bo Chen\n\nCrew\nAnn Lee, 42 ???\n");

        Assert.Equal(IndexRefresh.Unchanged, service.Refresh());
        Assert.Equal("Bo Chen", engine.FindPerson("Bo Chen").Hits[0].Name);
        Assert.Equal("Phil Tillet", engine.FindPerson("Phil Tillet").Hits[0].Name);
        var status = Assert.Single(engine.Pages, p => p.Page == "team.txt");
        Assert.True(status.OlderVersionServed);
        Assert.Contains("team.txt:5:1: 'Ann Lee, 42 ???'", status.Problem);
        Assert.Equal(3, engine.Summary?.Documents.Count);
    }

    [Fact]
    public void Broken_pages_at_start_leave_the_search_not_ready_and_empty()
    {
        Directory.CreateDirectory(SeedsFolder);
        File.WriteAllText(Path.Combine(SeedsFolder, "empty.txt"), "");
        using var engine = new CreditsSearchEngine();
        using var service = Service(engine);

        Assert.Equal(IndexRefresh.Failed, service.Refresh());
        Assert.False(engine.IsReady);
        Assert.Empty(engine.FindPerson("Raul Puri").Hits);
    }

    [Fact]
    public void An_on_disk_index_of_the_same_inputs_is_reopened_without_rebuilding()
    {
        CopySeed("gpt-4v.txt");
        var indexFolder = Path.Combine(pages.Folder, "index");
        using (var first = new CreditsSearchEngine())
        using (var service = Service(first, indexFolder))
        {
            Assert.Equal(IndexRefresh.Rebuilt, service.Refresh());
        }
        var files = Snapshot(indexFolder);

        using var engine = new CreditsSearchEngine();
        using var again = Service(engine, indexFolder);

        Assert.Equal(IndexRefresh.Reopened, again.Refresh());
        Assert.Equal(files, Snapshot(indexFolder));
        Assert.Equal("Raul Puri", engine.FindPerson("Raul Puri").Hits[0].Name);
        Assert.NotEmpty(engine.FindSection("Deployment engineering").Hits);

        CopySeed("gpt-4.txt");
        Assert.Equal(IndexRefresh.Rebuilt, again.Refresh());
        Assert.NotEqual(files, Snapshot(indexFolder));
        Assert.Equal("Phil Tillet", engine.FindPerson("Phil Tillet").Hits[0].Name);
    }

    [Fact]
    public async Task The_service_indexes_at_start_and_picks_up_a_new_page_by_itself()
    {
        CopySeed("gpt-4v.txt");
        using var engine = new CreditsSearchEngine();
        using var service = Service(engine, watch: true);

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await Eventually(() => engine.IsReady), "the index was not built at start");
            CopySeed("gpt-4.txt");
            Assert.True(await Eventually(() => engine.FindPerson("Phil Tillet").Hits.Count > 0), "the new page was not indexed");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        // Bounded: the watcher fires within milliseconds; the poll is the slow fallback.
        var deadline = DateTime.UtcNow + CreditsIndexService.PollInterval + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
                return true;
            await Task.Delay(50);
        }
        return condition();
    }

    private static string Snapshot(string folder) => string.Join("\n", Directory.EnumerateFiles(folder)
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));

    private sealed class TestEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "CreditsBot.Tests";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
