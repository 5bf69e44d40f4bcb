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
    public void One_broken_page_is_reported_and_left_out_and_the_others_import()
    {
        using var pages = new TempPages();
        pages.Write("a-good.txt", "Team\nAnn Lee, Bo Chen\n");
        var bad = pages.Write("b-bad.txt", "");
        pages.Write("c-good.txt", "Crew\nCy Wu, Di Ma\n");

        var report = SeedPageImporter.ImportPages([pages.Folder]);

        Assert.Equal(["a-good", "c-good"], report.Catalog(DateTimeOffset.UtcNow).Documents.Select(d => d.Id));
        var rejected = Assert.Single(report.Pages, p => !p.Succeeded);
        Assert.Equal(bad, rejected.File);
        Assert.Contains("empty", Assert.Single(rejected.Problems).Reason);
        // The all-or-nothing form, for the command-line lookups, still names the broken page.
        Assert.Equal(bad, Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFolders([pages.Folder])).File);
    }

    [Fact]
    public void Every_problem_of_a_page_is_listed_with_line_column_item_and_reason()
    {
        using var pages = new TempPages();
        var path = pages.Write("team.txt", "Team\nAnn Lee, Bo Chen\n\nCrew\nAnn Lee, j. random hacker\n\nDesk\n  Bo Chen, 42 people\n");

        var page = Assert.Single(SeedPageImporter.ImportPages([pages.Folder]).Pages);

        Assert.False(page.Succeeded);
        Assert.Equal(2, page.Problems.Count);
        Assert.Equal((5, 1), (page.Problems[0].Line, page.Problems[0].Column));
        Assert.Contains("'j. random hacker' in this list is not a name: 'j.' starts with a lower-case letter", page.Problems[0].Reason);
        Assert.Equal((8, 3), (page.Problems[1].Line, page.Problems[1].Column));
        Assert.StartsWith(path + ":8:3: 'Bo Chen, 42 people': ", page.Problems[1].ToString());
    }

    [Fact]
    public void Columns_are_counted_in_the_file_as_written_before_mojibake_is_repaired()
    {
        using var pages = new TempPages();
        // "Ã©" is one character once repaired; the odd line's column is counted in the garbled text.
        pages.Write("team.txt", "Team\nRenÃ© Lee, Bo Chen\n\nCrew\nRenÃ© Lee, x\n");

        var problem = Assert.Single(Assert.Single(SeedPageImporter.ImportPages([pages.Folder]).Pages).Problems);

        Assert.Equal((5, 1), (problem.Line, problem.Column));
        Assert.Equal("René Lee, x", problem.Item);
    }

    [Fact]
    public void An_unreadable_metadata_file_is_a_problem_of_its_page_not_a_crash()
    {
        using var pages = new TempPages();
        var path = pages.Write("team.txt", "Team\nAnn Lee, Bo Chen\n");
        var meta = pages.WriteBytes("team.meta.json", [0x7B, 0xFF, 0xFE, 0x7D]);

        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));

        Assert.Equal(meta, error.File);
        Assert.Contains("metadata cannot be read", error.Message);
    }

    [Fact]
    public void A_glued_page_that_cannot_be_read_names_the_line_and_column()
    {
        using var pages = new TempPages();
        var path = pages.Write("glued.txt", "Title\n" + ("TitleAlpha teamAnn Lee, Bo Chen, 12345 ### ~~~ " + new string('x', 2500)) + "\n");
        var error = Assert.Throws<SeedImportException>(() => SeedPageImporter.ImportFile(path));
        Assert.Equal(2, error.Line);
        Assert.Equal("TitleAlpha teamAnn Lee, Bo Chen, ".Length + 1, error.Problem.Column);
        Assert.StartsWith("12345", error.Problem.Item);
    }
}
