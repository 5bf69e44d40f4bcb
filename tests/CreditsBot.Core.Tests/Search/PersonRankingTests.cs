using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

public class PersonRankingTests
{
    private static CreditsSearchEngine Engine() => TestCatalogs.Engine(TestCatalogs.Build("demo",
        ("Engines", "Core team", ["Anna Berg — Engine lead", "Anna Maria Berg", "Anna Bergström", "Tomasz Nowak", "Tom Nowak", "Zoë Okafor"]),
        ("Engines", "Testing", ["Anna Berg", "Ingrid Lindqvist", "Jan de Vries", "Seán O'Hara"])));

    [Fact]
    public void Exact_beats_all_words_which_beats_prefix()
    {
        using var engine = Engine();

        var hits = engine.FindPerson("Anna Berg").Hits;

        Assert.Equal(["Anna Berg", "Anna Maria Berg", "Anna Bergström"], hits.Select(h => h.Name));
        Assert.Equal([MatchTier.Exact, MatchTier.AllWords, MatchTier.Prefix], hits.Select(h => h.Tier));
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score > hits[2].Score);
    }

    [Fact]
    public void Typos_are_found_in_the_fuzzy_tier_only_when_nothing_matches_as_written()
    {
        using var engine = Engine();

        var typo = engine.FindPerson("Ingrid Lindqvsit").Hits;
        var written = engine.FindPerson("Tom Nowak").Hits;

        Assert.Equal(MatchTier.Fuzzy, Assert.Single(typo).Tier);
        Assert.Equal("Ingrid Lindqvist", typo[0].Name);
        // "Tom" is also a short form of Tomasz: both come, the one written so first.
        Assert.Equal(["Tom Nowak", "Tomasz Nowak"], written.Select(h => h.Name));
    }

    [Fact]
    public void Diacritics_apostrophes_and_particles_do_not_matter()
    {
        using var engine = Engine();

        Assert.Equal("Zoë Okafor", engine.FindPerson("zoe okafor").Hits[0].Name);
        Assert.Equal("Anna Bergström", engine.FindPerson("Anna Bergstrom").Hits[0].Name);
        Assert.Equal("Seán O'Hara", engine.FindPerson("Sean O’Hara").Hits[0].Name);
        Assert.Equal("Seán O'Hara", engine.FindPerson("sean ohara").Hits[0].Name);
        Assert.Equal("Jan de Vries", engine.FindPerson("Jan Vries").Hits[0].Name);
    }

    [Fact]
    public void One_word_lists_every_holder_best_known_first()
    {
        using var engine = Engine();

        var hits = engine.FindPerson("Berg").Hits;

        Assert.Equal("Anna Berg", hits[0].Name); // two credits
        Assert.Contains(hits, h => h.Name == "Anna Maria Berg");
    }

    [Fact]
    public void Nobody_matches_when_one_word_matches_no_one_and_did_you_mean_offers_the_near_names()
    {
        using var engine = Engine();

        var result = engine.FindPerson("Anna Karenina");

        Assert.Empty(result.Hits);
        Assert.Contains("Anna Berg", result.DidYouMean);
    }

    [Fact]
    public void On_the_seeds_a_near_neighbour_never_beats_an_exact_word()
    {
        var search = SeedSearch.Instance;

        Assert.DoesNotContain(search.FindPerson("Shawn Jain").Hits, h => h.Name == "Shantanu Jain");
        Assert.DoesNotContain(search.FindPerson("Chong Zhang").Hits, h => h.Name == "Marvin Zhang");
        Assert.Equal("Shawn Jain", search.FindPerson("Shawn Jain").Hits[0].Name);
        Assert.Equal("Chong Zhang", search.FindPerson("Chong Zhang").Hits[0].Name);
    }

    [Fact]
    public void On_the_seeds_surname_and_given_name_only_return_all_holders()
    {
        var search = SeedSearch.Instance;

        var jains = search.FindPerson("Jain").Hits.Select(h => h.Name).ToList();
        var jeffs = search.FindPerson("Jeff").Hits.Select(h => h.Name).ToList();

        Assert.Superset(new HashSet<string> { "Shantanu Jain", "Shawn Jain", "Rajiv W. Jain" }, jains.ToHashSet());
        Assert.Superset(new HashSet<string> { "Jeff Belgum", "Jeff Harris", "Jeff Wu" }, jeffs.ToHashSet());
    }

    [Fact]
    public void On_the_seeds_unknown_people_get_no_answer_but_suggestions()
    {
        var search = SeedSearch.Instance;

        var dean = search.FindPerson("Jeff Dean");
        var hinton = search.FindPerson("Geoffrey Hinton");

        Assert.Empty(dean.Hits);
        Assert.Contains("Jeff Belgum", dean.DidYouMean);
        Assert.Empty(hinton.Hits);
        Assert.Empty(search.FindPerson("Robotics").Hits);
    }

    [Fact]
    public void On_the_seeds_spelling_variants_are_shown_as_also_credited_as_and_never_merged()
    {
        var search = SeedSearch.Instance;

        var madeline = search.FindPerson("Madeline Boyd").Hits[0];
        var felipe = search.FindPerson("Felipe Such").Hits[0];
        var akila = search.FindPerson("Akila Welihinda").Hits[0];
        var shawn = search.FindPerson("Shawn Jain").Hits[0];

        Assert.Equal("Madeline Boyd", madeline.Name);
        Assert.All(madeline.Credits, c => Assert.Equal("Madeline Boyd", c.Person));
        Assert.Equal(["Madelaine Boyd", "Madeleine Boyd"], madeline.AlsoCreditedAs.Order());
        Assert.Contains("Felipe Petroski Such", felipe.AlsoCreditedAs);
        Assert.Contains("Akila Weliwinda", akila.AlsoCreditedAs);
        Assert.DoesNotContain("Madeleine Thompson", madeline.AlsoCreditedAs);
        Assert.Empty(shawn.AlsoCreditedAs);
    }

    [Fact]
    public void On_the_seeds_a_person_lists_every_credit_across_both_documents()
    {
        var hit = SeedSearch.Instance.FindPerson("Raul Puri").Hits[0];

        Assert.Equal(["gpt-4", "gpt-4v"], hit.Credits.Select(c => c.Document.Id).Distinct().Order());
        Assert.Contains(hit.Credits, c => c.Role == "Overall vision co-lead, engineering lead");
    }

    [Fact]
    public void A_key_from_autocomplete_finds_the_same_person_again()
    {
        var search = SeedSearch.Instance;

        var choice = search.Autocomplete(AutocompleteKind.Person, "lukasz ka")[0];
        var person = search.GetPerson(choice.Value);

        Assert.NotNull(person);
        Assert.Equal("Łukasz Kaiser", person.Name);
        Assert.Null(search.GetPerson("nobody at all"));
    }
}

public class PersonResolutionTests
{
    private static CreditsSearchEngine Engine() => TestCatalogs.Engine(TestCatalogs.Build("demo",
        ("Engines", "Core team", ["Anna Berg", "Anna Kowalski", "Anna Lindqvist", "Tomasz Nowak", "Tom Nowak", "Ingrid Lindqvist"]),
        ("Engines", "Testing", ["Anna Berg", "Anna Kowalski"])));

    [Fact]
    public void A_given_name_that_several_people_share_is_a_toss_up()
    {
        using var engine = Engine();

        var result = engine.FindPerson("Anna");

        Assert.True(result.Hits.Count >= 3);
        Assert.Null(PersonResolution.Resolve(result));
    }

    [Theory]
    [InlineData("Anna Berg", "Anna Berg")]
    [InlineData("anna lindqvsit", "Anna Lindqvist")]
    [InlineData("Tomasz Nowak", "Tomasz Nowak")]
    public void A_name_that_one_person_fits_best_by_a_clear_margin_is_that_person(string query, string expected)
    {
        using var engine = Engine();

        Assert.Equal(expected, PersonResolution.Resolve(engine.FindPerson(query))?.Name);
    }

    [Fact]
    public void Nobody_plausible_is_no_answer()
    {
        using var engine = Engine();

        Assert.Null(PersonResolution.Resolve(engine.FindPerson("Geoffrey Hinton")));
    }
}
