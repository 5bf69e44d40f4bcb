using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Tests.Import;

/// <summary>Names of many naming cultures, in lists, leads and prose, on line and glued pages.</summary>
public class NameFormsTests
{
    private static string Outline(CreditsDocument document) => string.Join("\n",
        document.Entries().Select(e => $"{e.Area.Title} / {e.Section.Title} / {e.Person} / {e.Role ?? "-"}"));

    private static CreditsDocument Import(string file, string text)
    {
        var page = SeedPageImporter.ImportText(file, text);
        Assert.True(page.Succeeded, string.Join("; ", page.Problems));
        return page.Document!;
    }

    [Theory]
    [InlineData("Ji-hoon Park")]
    [InlineData("Min-seo Kim")]
    [InlineData("Omar al-Farsi")]
    [InlineData("Layla el-Amin")]
    [InlineData("Rhys ap Gwilym")]
    [InlineData("Yusuf bin Khalid")]
    [InlineData("Ana da Silva")]
    [InlineData("María de la Cruz")]
    [InlineData("Jan van der Berg")]
    [InlineData("Ludwig von Hessen")]
    [InlineData("João dos Santos")]
    [InlineData("Ana LaFleur")]
    [InlineData("Joe DiMaggio")]
    [InlineData("Grace McAllister")]
    [InlineData("DeAndre Jones")]
    [InlineData("A. J. Okoro")]
    [InlineData("R.K. Iyer")]
    [InlineData("Martin King Jr.")]
    [InlineData("Henry Ford III")]
    [InlineData("Michael (Rai) Pokorny")]
    [InlineData("Siobhán O'Connell")]
    [InlineData("Janko")]
    public void Is_a_name(string name)
    {
        Assert.True(TextShape.IsPlausibleName(name), TextShape.WhyNotAName(name));
    }

    [Theory]
    [InlineData("de la Cruz", "'de' starts with a lower-case letter (a particle cannot begin or end a name)")]
    [InlineData("42 people", "'42' is not shaped like a word of a name")]
    [InlineData("Ann lee", "'lee' starts with a lower-case letter")]
    public void Is_not_a_name_and_says_why(string text, string reason)
    {
        Assert.Equal(reason, TextShape.WhyNotAName(text));
    }

    [Fact]
    public void A_particle_name_under_a_name_like_heading_is_read_not_a_crash()
    {
        var document = Import("/pages/team.txt", "Model Training\nAna de la Cruz Kernel lead\nBo van der Berg Data lead\n\nModel Serving\nAna de la Cruz, Bo van der Berg\n");

        Assert.Equal("""
            Model Training / Model Training / Ana de la Cruz / Kernel lead
            Model Training / Model Training / Bo van der Berg / Data lead
            Model Training / Model Serving / Ana de la Cruz / -
            Model Training / Model Serving / Bo van der Berg / -
            """.ReplaceLineEndings("\n"), Outline(document));
    }

    [Fact]
    public void Lead_names_end_where_the_role_begins_a_listed_name_winning()
    {
        var document = Import("/pages/probe.txt", """
            Instruments

            A. J. Okoro Spectrometer Systems lead
            Juan Pablo Ortega Ruiz Optics lead
            Mary Ann Lee Research engineering lead

            Optics
            Juan Pablo Ortega Ruiz, Mei Lin
            """);

        Assert.Equal(
            [new Credit("A. J. Okoro", "Spectrometer Systems lead"), new Credit("Juan Pablo Ortega Ruiz", "Optics lead"), new Credit("Mary Ann Lee", "Research engineering lead")],
            document.Areas[0].Sections[0].Credits);
    }

    [Fact]
    public void Prose_lists_end_with_and_with_or_without_a_serial_comma()
    {
        var document = Import("/pages/thanks.txt", """
            Team
            Ann Lee, Bo Chen

            We thank our reviewers for their time: Cy Wu, Di Ma and Ed King Jr. We also thank the testers who came every week: Fay Ono and Gil Roe.
            """);

        Assert.Equal(["Ann Lee", "Bo Chen", "Cy Wu", "Di Ma", "Ed King Jr.", "Fay Ono", "Gil Roe"], document.Entries().Select(e => e.Person));
    }

    [Fact]
    public void A_short_glued_page_is_read_by_its_content_and_its_guesses_are_listed()
    {
        // Eighty characters, far from one long line: the glued words say what it is.
        var text = PageText("Kite 2.0 credits\nKite 2.0 creditsEngineCore teamŁucja Nowak—Engine leadMichał Dvořák—Kernels leadKernelsMichał Dvořák, Łucja Nowak\n");

        var page = SeedPageImporter.ImportText("/pages/kite.txt", text);

        Assert.True(page.Succeeded, string.Join("; ", page.Problems));
        Assert.Equal("""
            Engine / Core team / Łucja Nowak / Engine lead
            Engine / Core team / Michał Dvołák / Kernels lead
            Engine / Kernels / Michał Dvołák / -
            Engine / Kernels / Łucja Nowak / -
            """.ReplaceLineEndings("\n"), Outline(page.Document!));
        var guesses = page.Notes.Where(n => n.Kind == ImportNoteKind.Guessed).ToList();
        Assert.Equal(6, guesses.Count);
        Assert.All(guesses, g => Assert.Equal(2, g.Line));
        Assert.Contains(guesses, g => g.Detail == "a lost byte: read as 'Ł'");
    }

    /// <summary>UTF-8 read as Latin-1 with the C1 bytes dropped, as the GPT-4 page was scraped.</summary>
    private static string PageText(string utf8) => new(System.Text.Encoding.Latin1.GetString(System.Text.Encoding.UTF8.GetBytes(utf8))
        .Where(c => c is < '\u0080' or > '\u009F').ToArray());
}
