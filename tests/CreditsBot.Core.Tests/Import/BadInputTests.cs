using CreditsBot.Core.Import;

namespace CreditsBot.Core.Tests.Import;

/// <summary>Broken input is a clear error that names the file (and line), never silence or a half-built catalog.</summary>
public class BadInputTests
{
    [Fact]
    public void A_missing_folder_is_named()
    {
        var missing = Path.Combine(Path.GetTempPath(), "creditsbot-no-such-folder");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFolders([missing]));
        Assert.Equal(missing, error.File);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void A_folder_without_pages_is_an_error()
    {
        using var pages = new TempPages();
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFolders([pages.Folder]));
        Assert.Contains("no credits pages", error.Message);
    }

    [Fact]
    public void An_empty_file_is_named()
    {
        using var pages = new TempPages();
        var path = pages.Write("empty.txt", "  \n\n");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFolders([pages.Folder]));
        Assert.Equal(path, error.File);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_binary_file_is_named_with_its_line()
    {
        using var pages = new TempPages();
        var path = pages.WriteBytes("image.txt", [0x41, 0x0A, 0x42, 0x0A, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_page_in_neither_shape_is_an_error()
    {
        using var pages = new TempPages();
        var path = pages.Write("essay.txt", """
            This is an essay about the weather, written in full sentences without any credits at all.

            It goes on for a while, and then it stops, having said very little of interest to anyone.
            """);
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));
        Assert.Equal(path, error.File);
        Assert.Contains("no credits found", error.Message);
    }

    [Fact]
    public void A_stray_line_after_credits_began_is_named_by_line()
    {
        using var pages = new TempPages();
        var path = pages.Write("odd.txt", "Team\nAnn Lee, Bo Chen\n\n### 42 ???\n");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));
        Assert.Equal(4, error.Line);
        Assert.StartsWith(path + ":4:", error.Message);
    }

    [Fact]
    public void A_broken_metadata_file_is_named_with_its_line()
    {
        using var pages = new TempPages();
        var path = pages.Write("team.txt", "Team\nAnn Lee, Bo Chen\n");
        var meta = pages.Write("team.meta.json", "{\n  \"title\": \"Team\",\n  \"url\": \n}");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));
        Assert.Equal(meta, error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void One_broken_page_fails_the_whole_import()
    {
        using var pages = new TempPages();
        pages.Write("a-good.txt", "Team\nAnn Lee, Bo Chen\n");
        var bad = pages.Write("b-bad.txt", "");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFolders([pages.Folder]));
        Assert.Equal(bad, error.File);
    }

    [Fact]
    public void A_glued_page_that_cannot_be_read_names_the_line_and_column()
    {
        using var pages = new TempPages();
        var path = pages.Write("glued.txt", "Title\n" + ("TitleAlpha teamAnn Lee, Bo Chen, 12345 ### ~~~ " + new string('x', 2500)) + "\n");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));
        Assert.Equal(2, error.Line);
        Assert.Contains("column", error.Message);
    }
}
