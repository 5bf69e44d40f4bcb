using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Tests.Import;

/// <summary>The two bundled pages, checked by eye against the raw text.</summary>
public class SeedPagesGoldenTests
{
    private static readonly Lazy<CreditsCatalog> Catalog = new(() =>
        SeedPageImporter.ImportFolders([Path.Combine(AppContext.BaseDirectory, "seeds")]));

    private static CreditsDocument Gpt4 => Catalog.Value.Documents.Single(d => d.Id == "gpt-4");

    private static CreditsDocument Gpt4V => Catalog.Value.Documents.Single(d => d.Id == "gpt-4v");

    private static CreditSection Section(CreditsDocument document, string area, string section) =>
        document.Areas.Single(a => a.Title == area).Sections.Single(s => s.Title == section);

    private static string[] People(CreditSection section) => section.Credits.Select(c => c.Person).ToArray();

    [Fact]
    public void Both_pages_import_with_titles_and_urls_from_their_metadata()
    {
        Assert.Equal(["gpt-4", "gpt-4v"], Catalog.Value.Documents.Select(d => d.Id));
        Assert.Equal("GPT-4 contributions", Gpt4.Title);
        Assert.Equal("https://openai.com/contributions/gpt-4/", Gpt4.Url);
        Assert.Equal("https://openai.com/contributions/gpt-4v/", Gpt4V.Url);
    }

    [Fact]
    public void Gpt4_areas_are_in_page_order()
    {
        Assert.Equal(
            ["Pretraining", "Long context", "Vision", "RL & alignment", "Evaluation & analysis", "Deployment", "Additional contributions", "Acknowledgements"],
            Gpt4.Areas.Select(a => a.Title));
    }

    [Theory]
    [InlineData("Pretraining", "Core contributors", 18)]
    [InlineData("Pretraining", "Compute cluster scaling", 10)]
    [InlineData("Pretraining", "Data", 36)]
    [InlineData("Pretraining", "Training run babysitting", 24)]
    [InlineData("Long context", "Core contributors", 4)]
    [InlineData("Long context", "Long context research", 7)]
    [InlineData("Long context", "Long context kernels", 1)]
    [InlineData("Vision", "Core contributors", 14)]
    [InlineData("Vision", "Alignment Data", 1)]
    [InlineData("RL & alignment", "Core contributors", 23)]
    [InlineData("RL & alignment", "Dataset contributions", 39)]
    [InlineData("RL & alignment", "Data infrastructure", 25)]
    [InlineData("Evaluation & analysis", "Non-proliferation, international humanitarian law & national security red teaming", 1)]
    [InlineData("Evaluation & analysis", "OpenAI adversarial testers", 64)]
    [InlineData("Evaluation & analysis", "System card & broader impacts analysis", 42)]
    [InlineData("Deployment", "Core contributors", 19)]
    [InlineData("Deployment", "GPT-4 API & ChatML deployment", 8)]
    [InlineData("Additional contributions", "Additional contributions", 6)]
    [InlineData("Additional contributions", "Contracting, revenue, pricing & finance support", 6)]
    [InlineData("Additional contributions", "Authorship & credit attribution", 1)]
    [InlineData("Acknowledgements", "External red teamers", 41)]
    public void Gpt4_section_sizes_match_the_page(string area, string section, int count)
    {
        Assert.Equal(count, Section(Gpt4, area, section).Credits.Count);
    }

    [Fact]
    public void Gpt4_leads_carry_their_roles_after_the_repaired_dash()
    {
        var core = Section(Gpt4, "Pretraining", "Core contributors").Credits;
        Assert.Equal(new Credit("Christopher Berner", "Supercomputing lead"), core[0]);
        Assert.Equal(new Credit("Jakub Pachocki", "Overall lead, optimization lead"), core[7]);
        Assert.Equal(new Credit("Wojciech Zaremba", "Manager of dataset team"), core[^1]);

        var rl = Section(Gpt4, "RL & alignment", "Core contributors").Credits;
        Assert.Contains(new Credit("Luke Metz", "Infrastructure lead, ChatML format lead"), rl);
        Assert.Contains(new Credit("Long Ouyang", "IF data collection lead"), rl);

        var deployment = Section(Gpt4, "Deployment", "Core contributors").Credits;
        Assert.Contains(new Credit("Henrique Ponde de Oliveira Pinto", "Inference workflow lead"), deployment);
        Assert.Contains(new Credit("Felipe Petroski Such", "Inference optimization & reliability lead"), deployment);
        Assert.All(Section(Gpt4, "Pretraining", "Data").Credits, c => Assert.Null(c.Role));
    }

    [Fact]
    public void Gpt4_names_are_repaired_and_kept_as_the_page_spells_them()
    {
        var data = People(Section(Gpt4, "Pretraining", "Data"));
        Assert.Contains("Łukasz Kaiser", data);
        Assert.Contains("David Mély", data);
        var dataset = People(Section(Gpt4, "RL & alignment", "Dataset contributions"));
        Assert.Contains("Juan Felipe Cerón Uribe", dataset);
        Assert.Contains("Michael (Rai) Pokorny", dataset);
        // "Sarah Shoker,, Carroll Wainwright": the empty item is no one.
        Assert.Equal("Carroll Wainwright", dataset[Array.IndexOf(dataset, "Sarah Shoker") + 1]);
        // "Ashvin Nair,Long Ouyang" has no space after the comma.
        var infra = People(Section(Gpt4, "RL & alignment", "Data infrastructure"));
        Assert.Equal("Long Ouyang", infra[Array.IndexOf(infra, "Ashvin Nair") + 1]);
        var testers = People(Section(Gpt4, "Evaluation & analysis", "OpenAI adversarial testers"));
        Assert.Contains("Janko", testers);
        Assert.Contains("Cullen O’Keefe", testers);
        Assert.Contains("Filipe de Avila Belbute Peres", People(Section(Gpt4, "Evaluation & analysis", "Novel capability discovery")));
        Assert.Contains("Christine McLeavey", People(Section(Gpt4, "Vision", "Core contributors")));
        Assert.Equal(["Sarah Shoker"], People(Section(Gpt4, "Evaluation & analysis", "Non-proliferation, international humanitarian law & national security red teaming")));
    }

    [Fact]
    public void Gpt4_acknowledgement_lists_are_credits_and_the_prose_is_not()
    {
        var redTeam = People(Section(Gpt4, "Acknowledgements", "External red teamers"));
        Assert.Equal("Steven Basart", redTeam[0]);
        Assert.Equal("Xuhui Zhou", redTeam[^1]);
        Assert.Contains("Jake J. Hecla", redTeam);
        Assert.Contains("Cèsar Ferri", redTeam);
        Assert.Contains("Paul Röttger", redTeam);
        var everyone = Gpt4.Entries().Select(e => e.Person).ToHashSet();
        Assert.DoesNotContain(everyone, p => p.Contains("Microsoft") || p.Contains("Azure") || p.Contains("OpenAI"));
    }

    [Fact]
    public void Gpt4v_leads_split_name_from_role_on_a_space()
    {
        var research = Section(Gpt4V, "Research contributions", "Research contributions").Credits;
        Assert.Equal(
            [
                new Credit("Jamie Kiros", "Deployment research & evals lead"),
                new Credit("Daniel Levy", "Optimization lead"),
                new Credit("Hyeonwoo Noh", "Pretraining research lead"),
                new Credit("Long Ouyang", "Alignment data lead"),
                new Credit("Raul Puri", "Research engineering lead"),
            ],
            research);
        Assert.Contains(new Credit("Lama Ahmad", "Red teaming lead"), Section(Gpt4V, "Safety contributions", "Safety contributions").Credits);
        Assert.Contains(new Credit("Isaac Wolkerstorfer", "ChatGPT engineering lead"), Section(Gpt4V, "Deployment contributions", "Deployment contributions").Credits);
    }

    [Theory]
    [InlineData("Research contributions", "Architecture research", 8)]
    [InlineData("Research contributions", "Distributed training infrastructure", 12)]
    [InlineData("Research contributions", "Data", 10)]
    [InlineData("Research contributions", "Evaluation data", 16)]
    [InlineData("Research contributions", "Deployment, alignment & post-training research", 18)]
    [InlineData("Safety contributions", "Red teaming leaders", 3)]
    [InlineData("Deployment contributions", "Deployment engineering", 23)]
    [InlineData("Deployment contributions", "Trust & safety engineering", 1)]
    [InlineData("Deployment contributions", "Design", 2)]
    [InlineData("Deployment contributions", "Launch partners, product, and deployment management", 7)]
    [InlineData("Additional contributions", "Additional contributions", 8)]
    [InlineData("Additional contributions", "Communications", 9)]
    [InlineData("Additional contributions", "User Support", 1)]
    [InlineData("Additional contributions", "Legal", 3)]
    [InlineData("Acknowledgements", "External red teamers", 25)]
    [InlineData("Acknowledgements", "Microsoft Research team", 7)]
    public void Gpt4v_section_sizes_match_the_page(string area, string section, int count)
    {
        Assert.Equal(count, Section(Gpt4V, area, section).Credits.Count);
    }

    [Fact]
    public void Gpt4v_keeps_its_own_spellings()
    {
        var people = Gpt4V.Entries().Select(e => e.Person).ToHashSet();
        Assert.Contains("David Mélý", people);
        Assert.Contains("Madelaine Boyd", people);
        Assert.Contains("Madeline Boyd", people);
        Assert.Contains("Madeleine Boyd", people);
        Assert.Contains("Akila Weliwinda", people);
        Assert.Contains("Diogo Moitinho de Almeida", people);
        Assert.Contains("Chung-Ching Lin", people);
        Assert.DoesNotContain(people, p => p.Contains("Microsoft") || p.Contains("Be My Eyes") || p.Contains("Raul Puri."));
    }

    [Fact]
    public void The_catalog_totals_are_stable()
    {
        Assert.Equal(858, Gpt4.CreditCount);
        Assert.Equal(242, Gpt4V.CreditCount);
    }
}
