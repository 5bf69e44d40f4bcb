using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Indexing;
using CreditsBot.Core.Tests.Import;
using CreditsBot.Core.Tests.Search;

namespace CreditsBot.Core.Tests.Search.Indexing;

/// <summary>The on-disk index: builds go into a new generation; a failed or interrupted build never touches the one serving.</summary>
public sealed class OnDiskIndexTests : IDisposable
{
    private readonly TempPages pages = new();

    public void Dispose() => pages.Dispose();

    private string IndexFolder => Path.Combine(pages.Folder, "index");

    private static string Snapshot(string folder) => string.Join("\n", Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));

    [Fact]
    public void A_failed_build_is_removed_and_leaves_the_serving_generation_as_it_was()
    {
        using var engine = new CreditsSearchEngine();
        engine.Publish(TestCatalogs.Build("kite", ("Engine", "Core team", ["Ann Lee — Engine lead", "Bo Chen"])), "good", IndexFolder);
        var before = Snapshot(IndexFolder);
        var folder = new OnDiskIndexFolder(IndexFolder);
        var serving = folder.CurrentGeneration();

        Assert.Throws<InvalidOperationException>(() => folder.Build(_ => throw new InvalidOperationException("disk full")));

        Assert.Equal(serving, folder.CurrentGeneration());
        Assert.Equal(before, Snapshot(IndexFolder));
        Assert.Single(Directory.EnumerateDirectories(IndexFolder));
        Assert.NotEmpty(engine.FindPerson("Ann Lee").Hits);
    }

    [Fact]
    public void After_a_crash_mid_build_the_last_good_index_is_reopened_and_the_unfinished_one_removed_later()
    {
        using (var first = new CreditsSearchEngine())
            Assert.False(first.Publish(TestCatalogs.Build("kite", ("Engine", "Core team", ["Ann Lee — Engine lead", "Bo Chen"])), "good", IndexFolder));
        // What a crash leaves: a half-written generation the pointer never named.
        var unfinished = Directory.CreateDirectory(Path.Combine(IndexFolder, "gen-unfinished")).FullName;
        File.WriteAllText(Path.Combine(unfinished, "_0.cfs"), "half");

        using var engine = new CreditsSearchEngine();
        Assert.True(engine.Publish(TestCatalogs.Build("kite", ("Engine", "Core team", ["Ann Lee — Engine lead", "Bo Chen"])), "good", IndexFolder));
        Assert.NotEmpty(engine.FindPerson("Ann Lee").Hits);

        Assert.False(engine.Publish(TestCatalogs.Build("kite", ("Engine", "Core team", ["Ann Lee — Engine lead", "Bo Chen"])), "changed", IndexFolder));
        Assert.False(Directory.Exists(unfinished));
    }

    [Fact]
    public void A_publish_that_cannot_write_throws_and_the_previous_index_keeps_serving()
    {
        using var engine = new CreditsSearchEngine();
        engine.Publish(TestCatalogs.Build("kite", ("Engine", "Core team", ["Ann Lee — Engine lead", "Bo Chen"])), "good");
        var notAFolder = pages.Write("index-file", "a file where the index folder should be");

        Assert.ThrowsAny<IOException>(() => engine.Publish(TestCatalogs.Build("kite", ("Engine", "Core team", ["Ann Lee — Engine lead", "Bo Chen"])), "other", notAFolder));

        Assert.Equal("good", engine.Fingerprint);
        Assert.NotEmpty(engine.FindPerson("Ann Lee").Hits);
    }
}
