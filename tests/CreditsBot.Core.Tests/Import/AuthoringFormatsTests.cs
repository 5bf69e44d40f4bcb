using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Tests.Import;

/// <summary>The hand-written formats: Markdown pages and all-contributors files, from the example pages of docs/seeds.md.</summary>
public class AuthoringFormatsTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "examples", name);

    private static string Outline(CreditsDocument document) => string.Join("\n",
        document.Entries().Select(e => $"{e.Area.Title} / {e.Section.Title} / {e.Person} / {e.Role ?? "-"}"));

    [Fact]
    public void The_markdown_example_reads_areas_sections_names_and_roles_in_every_separator()
    {
        var page = Assert.Single(SeedPageImporter.ImportFiles([Example("kite.md")]).Pages);

        Assert.True(page.Succeeded, string.Join("; ", page.Problems));
        var document = page.Document!;
        Assert.Equal(("kite", "Kite 2.0 credits", "https://example.org/kite/credits"), (document.Id, document.Title, document.Url));
        Assert.Equal("""
            Engine / Engine / Marisol Gutiérrez / Engine lead
            Engine / Engine / A. J. Okoro / Rendering co-lead
            Engine / Engine / Kim Ji-hoon / Physics manager
            Engine / Rendering / Kim Ji-hoon / -
            Engine / Rendering / Siobhán O'Connell / -
            Engine / Rendering / Omar al-Farsi / -
            Engine / Rendering / Pieter van der Merwe / -
            Engine / Tools & CI / Grace McAllister / Build lead
            Engine / Tools & CI / R.K. Iyer / -
            Community / Translation / Noa Ben-David / -
            Community / Translation / Thomas Müller Jr. / -
            """.ReplaceLineEndings("\n"), Outline(document));
        Assert.Contains(page.Notes, n => n.Kind == ImportNoteKind.Skipped && n.Line == 8 && n.Text.StartsWith("Everyone who built", StringComparison.Ordinal));
    }

    [Fact]
    public void The_all_contributors_example_makes_a_section_per_contribution_type_with_readable_titles()
    {
        var page = Assert.Single(SeedPageImporter.ImportFiles([Example(".all-contributorsrc")]).Pages);

        Assert.True(page.Succeeded, string.Join("; ", page.Problems));
        Assert.Equal(("kite", "kite"), (page.Document!.Id, page.Document.Title));
        Assert.Equal("""
            Contributors / Code / Marisol Gutiérrez / -
            Contributors / Code / Kim Ji-hoon / -
            Contributors / Documentation / Marisol Gutiérrez / -
            Contributors / Documentation / noabd / -
            Contributors / Reviewing pull requests / Kim Ji-hoon / -
            Contributors / Data viz / Kim Ji-hoon / -
            Contributors / Translation / noabd / -
            """.ReplaceLineEndings("\n"), Outline(page.Document));
    }

    [Fact]
    public void A_folder_import_finds_the_hidden_all_contributors_file_beside_other_pages()
    {
        using var pages = new TempPages();
        File.Copy(Example(".all-contributorsrc"), Path.Combine(pages.Folder, ".all-contributorsrc"));
        File.Copy(Example("kite.md"), Path.Combine(pages.Folder, "kite-site.md"));

        var catalog = SeedPageImporter.ImportFolders([pages.Folder]);

        Assert.Equal(["kite", "kite-site"], catalog.Documents.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{ \"projectName\": \"x\", \"contributors\": [ { \"login\": \"a\" ", 1, "not valid JSON")]
    [InlineData("{ \"projectName\": \"x\" }", 1, "\"contributors\" array")]
    [InlineData("{ \"contributors\": [ { \"avatar_url\": \"u\", \"contributions\": [\"code\"] } ] }", 1, "neither a \"name\" nor a \"login\"")]
    public void A_broken_all_contributors_file_is_a_problem_with_a_reason(string json, int line, string reason)
    {
        var page = SeedPageImporter.ImportText("/pages/.all-contributorsrc", json);

        var problem = Assert.Single(page.Problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(reason, problem.Reason);
    }

    [Fact]
    public void A_markdown_item_with_a_role_and_no_name_names_its_line()
    {
        var page = SeedPageImporter.ImportText("/pages/team.md", "# Team\n\n## Build\n\n- Ann Lee\n- — Build lead\n");

        var problem = Assert.Single(page.Problems);
        Assert.Equal((6, 3), (problem.Line, problem.Column));
        Assert.Contains("no name", problem.Reason);
    }

    [Theory]
    [InlineData("code", "Code")]
    [InlineData("doc", "Documentation")]
    [InlineData("projectManagement", "Project management")]
    [InlineData("userTesting", "User testing")]
    [InlineData("dataViz", "Data viz")]
    public void Contribution_types_have_readable_titles(string type, string title)
    {
        Assert.Equal(title, AllContributorsParser.TitleOf(type));
    }
}
