using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Indexing;

namespace CreditsBot.Core.Tests.Search.Indexing;

/// <summary>Section keys come from titles, not positions: an old button or choice opens the same section after an edit.</summary>
public class SectionKeyTests
{
    private static CreditsCatalog Catalog(params (string Area, string Section, string Person)[] sections) =>
        new([new CreditsDocument("kite", "Kite credits", "kite.txt", null, sections
            .GroupBy(s => s.Area)
            .Select(a => new CreditArea(a.Key, a.Select(s => new CreditSection(s.Section, [new Credit(s.Person, null)])).ToList()))
            .ToList())], DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_key_opens_the_same_section_after_a_section_is_added_before_it()
    {
        using var engine = new CreditsSearchEngine();
        engine.Publish(Catalog(("Engine", "Core team", "Ann Lee"), ("Engine", "Testing", "Bo Chen")), "before");
        var key = engine.FindSection("Testing").Hits[0].Key;

        engine.Publish(Catalog(("Engine", "Core team", "Ann Lee"), ("Engine", "Kernels", "Cy Wu"), ("Engine", "Testing", "Bo Chen")), "after");

        Assert.Equal("kite/engine/testing", key);
        Assert.Equal("Testing", engine.GetSection(key)?.Section.Title);
    }

    [Fact]
    public void A_key_whose_area_was_renamed_opens_the_same_section_and_a_gone_one_opens_nothing()
    {
        using var engine = new CreditsSearchEngine();
        engine.Publish(Catalog(("Engine", "Core team", "Ann Lee"), ("Engine", "Testing", "Bo Chen")), "before");
        var key = engine.FindSection("Testing").Hits[0].Key;

        engine.Publish(Catalog(("Motor", "Core team", "Ann Lee"), ("Motor", "Testing", "Bo Chen")), "after");

        Assert.Equal(("Motor", "Testing"), (engine.GetSection(key)?.Area.Title, engine.GetSection(key)?.Section.Title));
        // Gone, or ambiguous: the handlers then look the key up as text.
        Assert.Null(engine.GetSection("kite/motor/kernels"));
        Assert.Null(engine.GetSection("kite/engine/core-team~2"));
    }

    [Fact]
    public void Sections_with_the_same_titles_get_numbered_keys_and_long_titles_fit_a_button()
    {
        var keys = new SectionKeys();
        var document = new CreditsDocument("kite", "Kite", "kite.txt", null, []);
        var area = new CreditArea("Engine", []);
        var section = new CreditSection("Testing", []);
        var longSection = new CreditSection(new string('x', 200), []);

        Assert.Equal("kite/engine/testing", keys.Next(document, area, section));
        Assert.Equal("kite/engine/testing~2", keys.Next(document, area, section));
        var longKey = keys.Next(document, area, longSection);
        Assert.True(longKey.Length <= SectionKeys.MaxLength);
        Assert.NotEqual(longKey, keys.Next(document, area, new CreditSection(new string('x', 199) + "y", [])));
    }

    [Fact]
    public void Every_seed_section_has_a_distinct_key_that_fits_a_button()
    {
        var keys = SeedSearch.Instance.Autocomplete(AutocompleteKind.Section, "a", limit: 25).Select(c => c.Value).ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(k.Length <= SectionKeys.MaxLength, k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Contains("gpt-4/pretraining/core-contributors", SeedSearch.Instance.FindSection("pretraining core contributors").Hits.Select(h => h.Key));
    }
}
