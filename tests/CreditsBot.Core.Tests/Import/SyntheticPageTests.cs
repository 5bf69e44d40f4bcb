using System.Text;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Tests.Import;

/// <summary>New pages in both shapes, with names and headings that are not in the seeds, import too.</summary>
public class SyntheticPageTests
{
    private static string Outline(CreditsDocument document) => string.Join("\n",
        document.Entries().Select(e => $"{e.Area.Title} / {e.Section.Title} / {e.Person} / {e.Role ?? "-"}"));

    [Fact]
    public void A_glued_one_line_page_is_read_by_its_shape()
    {
        using var pages = new TempPages();
        var body = "Home Menu Log in Orbital Lander credits" +
                   "PropulsionCore teamAmara Okafor—Engine leadSean MacPherson—Nozzle design, test stand leadBeatriz dos Santos—Fuel systems co-lead" +
                   "Valve testingAmara Okafor, Jonas Van Wyk, Ines O’Hara,, Sean MacPherson,Keiko TanabeCFD & ML toolingJonas Van WykGuidanceCore teamRahul Menon—Flight software leadFlight softwareRahul Menon, Keiko Tanabe" +
                   "We thank everyone at the company who helped along the way, including the facilities, finance and people teams across all our offices." +
                   "We are grateful to our outside reviewers: Petra Nováková, Omar Haddad, Lin Wei.Listed alphabetically.FooterAboutCareers";
        var path = pages.Write("lander.txt", "\n\nOrbital Lander credits\n\n" + body.PadRight(2500) + "\n");

        var document = SeedPageImporter.ImportFile(path);

        Assert.Equal("Orbital Lander credits", document.Title);
        Assert.Equal("""
            Propulsion / Core team / Amara Okafor / Engine lead
            Propulsion / Core team / Sean MacPherson / Nozzle design, test stand lead
            Propulsion / Core team / Beatriz dos Santos / Fuel systems co-lead
            Propulsion / Valve testing / Amara Okafor / -
            Propulsion / Valve testing / Jonas Van Wyk / -
            Propulsion / Valve testing / Ines O’Hara / -
            Propulsion / Valve testing / Sean MacPherson / -
            Propulsion / Valve testing / Keiko Tanabe / -
            Propulsion / CFD & ML tooling / Jonas Van Wyk / -
            Guidance / Core team / Rahul Menon / Flight software lead
            Guidance / Flight software / Rahul Menon / -
            Guidance / Flight software / Keiko Tanabe / -
            Acknowledgements / Acknowledgements / Petra Nováková / -
            Acknowledgements / Acknowledgements / Omar Haddad / -
            Acknowledgements / Acknowledgements / Lin Wei / -
            """.ReplaceLineEndings("\n"), Outline(document));
    }

    [Fact]
    public void A_glued_page_with_latin1_mojibake_is_repaired_before_it_is_read()
    {
        using var pages = new TempPages();
        var utf8 = "Tidal Model credits\nTidal Model creditsOceanCore teamZoë Berg—Mixing leadÉmile Côté—Currents leadObservationsZoë Berg, Łucja Wójcik";
        // Encode as UTF-8, decode as Latin-1, then drop the C1 bytes, as the scrape did.
        var garbled = new string(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(utf8)).Where(c => c is < '\u0080' or > '\u009F').ToArray());
        var path = pages.Write("tidal.txt", garbled.PadRight(2500) + "\n");

        var document = SeedPageImporter.ImportFile(path);

        Assert.Equal("""
            Ocean / Core team / Zoë Berg / Mixing lead
            Ocean / Core team / Émile Côté / Currents lead
            Ocean / Observations / Zoë Berg / -
            Ocean / Observations / Łucja Wójcik / -
            """.ReplaceLineEndings("\n"), Outline(document));
    }

    [Fact]
    public void A_line_page_is_read_by_its_shape_with_metadata_for_lost_headings()
    {
        using var pages = new TempPages();
        var path = pages.Write("atlas.txt", """
            Skip navigation

            Atlas Mapping Project: people and work

            This page lists the people who built the Atlas maps and the work each of them did over the years.

            Survey work

            Noor Rahimi Field survey lead
            Tomás Ibarra Cartography & tiling lead

            Field survey
            Noor Rahimi, Greta van der Berg, Tomás Ibarra, Kwame Mensah

            Kwame Mensah, Greta van der Berg

            Printing
            Alice McAllister

            We also thank the volunteers of the local club for their patient checking of place names: Dara Quinn, Ola Berg, Ivo Petrov.
            """);
        pages.Write("atlas.meta.json", """{ "title": "Atlas Mapping Project", "url": "https://example.org/atlas", "untitledLists": [ { "firstPerson": "Kwame Mensah", "title": "Tiling" } ] }""");

        var document = SeedPageImporter.ImportFile(path);

        Assert.Equal("Atlas Mapping Project", document.Title);
        Assert.Equal("https://example.org/atlas", document.Url);
        Assert.Equal("""
            Survey work / Survey work / Noor Rahimi / Field survey lead
            Survey work / Survey work / Tomás Ibarra / Cartography & tiling lead
            Survey work / Field survey / Noor Rahimi / -
            Survey work / Field survey / Greta van der Berg / -
            Survey work / Field survey / Tomás Ibarra / -
            Survey work / Field survey / Kwame Mensah / -
            Survey work / Tiling / Kwame Mensah / -
            Survey work / Tiling / Greta van der Berg / -
            Survey work / Printing / Alice McAllister / -
            Acknowledgements / Acknowledgements / Dara Quinn / -
            Acknowledgements / Acknowledgements / Ola Berg / -
            Acknowledgements / Acknowledgements / Ivo Petrov / -
            """.ReplaceLineEndings("\n"), Outline(document));
    }

    [Fact]
    public void A_lead_line_name_is_the_one_seen_in_a_list_when_the_role_starts_with_capitals()
    {
        using var pages = new TempPages();
        var path = pages.Write("probe.txt", """
            Instruments

            Juan Pablo Ortega Ruiz Spectrometer Systems lead

            Spectrometer
            Juan Pablo Ortega Ruiz, Mei Lin
            """);

        var credit = SeedPageImporter.ImportFile(path).Entries().First();

        Assert.Equal("Juan Pablo Ortega Ruiz", credit.Person);
        Assert.Equal("Spectrometer Systems lead", credit.Role);
    }

    [Fact]
    public void Without_metadata_the_title_is_the_first_heading_that_is_not_navigation()
    {
        using var pages = new TempPages();
        var path = pages.Write("kiln.txt", "Skip to main content\n\nKiln Project people\n\nFiring\nAda Byrne, Cai Lun\n");

        var document = SeedPageImporter.ImportFile(path);

        Assert.Equal("Kiln Project people", document.Title);
        Assert.Equal("kiln", document.Id);
        Assert.Null(document.Url);
    }
}
