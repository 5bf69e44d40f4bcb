using CreditsBot.Core.Model;
using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

public class RoleAndSectionTests
{
    [Fact]
    public void Role_questions_drop_question_words_and_rank_the_fuller_match_first()
    {
        var hits = SeedSearch.Instance.FindRole("who led long context").Hits;

        Assert.Equal("Łukasz Kaiser", hits[0].Person);
        Assert.Contains(hits, h => h.Person == "Gabriel Goh");
        Assert.Contains(hits, h => h.Person == "Clemens Winter");
        Assert.All(hits[0].Credits, c => Assert.Equal("Long context lead", c.Role));
    }

    /// <summary>Two pages where Bo holds the role on both (and is co-lead once more), and Cy, once, is better known from other credits.</summary>
    private static readonly Lazy<CreditsSearchEngine> TwoPages = new(() =>
    {
        static CreditsDocument Page(string id, params (string Section, Credit[] Credits)[] sections) =>
            new(id, id + " credits", id + ".txt", null, [new CreditArea("Pretraining", sections.Select(s => new CreditSection(s.Section, s.Credits.ToList())).ToList())]);
        var alpha = Page("alpha",
            ("Inference", [new("Cy Park", "Inference lead"), new("Ann Lee", "Inference lead"), new("Bo Chen", "Inference lead")]),
            ("Data", [new("Bo Chen", "Inference co-lead"), new("Bo Chen", "Data lead"), new("Cy Park", null), new("Cy Park", null), new("Cy Park", null)]));
        var beta = Page("beta", ("Inference", [new("Bo Chen", "Inference lead"), new("Cy Park", null)]));
        return TestCatalogs.Engine(new CreditsCatalog([alpha, beta], DateTimeOffset.UnixEpoch));
    });

    [Fact]
    public void A_person_with_more_matching_credits_ranks_first_and_lists_them_best_role_first()
    {
        var hits = TwoPages.Value.FindRole("inference lead").Hits;

        Assert.Equal(["Bo Chen", "Cy Park", "Ann Lee"], hits.Select(h => h.Person));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal([("alpha", "Inference lead"), ("beta", "Inference lead"), ("alpha", "Inference co-lead")], hits[0].Credits.Select(c => (c.Document.Id, c.Role)));
        Assert.Equal([("alpha", "Inference lead")], hits[1].Credits.Select(c => (c.Document.Id, c.Role)));
    }

    [Fact]
    public void A_document_named_in_a_role_question_keeps_that_documents_credits_only()
    {
        var hits = TwoPages.Value.FindRole("who led inference on beta").Hits;

        var hit = Assert.Single(hits);
        Assert.Equal("Bo Chen", hit.Person);
        Assert.Equal([("beta", "Inference lead")], hit.Credits.Select(c => (c.Document.Id, c.Role)));
    }

    [Theory]
    [InlineData("who spearheaded triton", "Phil Tillet")]
    [InlineData("who championed uptime", "Kyle Kosic")]
    public void A_word_of_the_request_that_no_page_has_does_not_hide_the_topic(string question, string expected)
    {
        Assert.Equal(expected, SeedSearch.Instance.FindRole(question).Hits[0].Person);
    }

    [Theory]
    [InlineData("who spearheaded cooking")]
    [InlineData("who led cooking")]
    public void A_request_around_a_topic_no_page_has_finds_nobody(string question)
    {
        Assert.Empty(SeedSearch.Instance.FindRole(question).Hits);
        Assert.Empty(SeedSearch.Instance.FindSection(question).Hits);
    }

    [Fact]
    public void A_section_question_in_words_no_page_has_finds_the_section()
    {
        var hit = SeedSearch.Instance.FindSection("everybody from legal").Hits[0];

        Assert.Equal("Legal", hit.Section.Title);
    }

    [Fact]
    public void A_role_nobody_holds_gives_no_hits_and_near_role_strings()
    {
        var result = SeedSearch.Instance.FindRole("robotics lead");

        Assert.Empty(result.Hits);
        Assert.NotEmpty(result.DidYouMean);
    }

    [Fact]
    public void The_area_in_the_query_picks_the_section_of_that_area()
    {
        var search = SeedSearch.Instance;

        var vision = search.FindSection("Vision / Data").Hits[0];
        var pretraining = search.FindSection("Pretraining / Data").Hits[0];

        Assert.Equal(("Vision", "Data"), (vision.Area.Title, vision.Section.Title));
        Assert.Equal(("Pretraining", "Data"), (pretraining.Area.Title, pretraining.Section.Title));
    }

    [Fact]
    public void A_section_answer_carries_its_members_in_page_order()
    {
        var hit = SeedSearch.Instance.FindSection("long ctx kernels").Hits[0];

        Assert.Equal("Long context kernels — Long context — GPT-4 contributions", hit.DisplayName);
        Assert.Equal(["Phil Tillet"], hit.Section.Credits.Select(c => c.Person));
    }

    [Fact]
    public void The_document_filter_keeps_sections_of_that_document_only()
    {
        var hits = SeedSearch.Instance.FindSection("Data", documentId: "gpt-4v").Hits;

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("gpt-4v", h.Document.Id));
    }

    [Fact]
    public void Red_team_finds_the_red_teaming_sections_and_robotics_finds_nothing()
    {
        var search = SeedSearch.Instance;

        Assert.All(search.FindSection("red team").Hits, h => Assert.Contains("red team", h.DisplayName, StringComparison.OrdinalIgnoreCase));
        Assert.True(search.FindSection("red team").Hits.Count >= 3);
        Assert.Empty(search.FindSection("Robotics").Hits);
    }

    [Fact]
    public void A_section_key_finds_the_same_section_again()
    {
        var search = SeedSearch.Instance;
        var hit = search.FindSection("ChatML format").Hits[0];

        Assert.Equal(hit.DisplayName, search.GetSection(hit.Key)?.DisplayName);
        Assert.Null(search.GetSection("gpt-4/99/99"));
    }
}
