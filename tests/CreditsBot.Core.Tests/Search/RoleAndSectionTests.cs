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
