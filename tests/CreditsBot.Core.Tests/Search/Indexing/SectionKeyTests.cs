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
    public void A_key_that_no_longer_exists_still_finds_its_section_by_text()
    {
        using var engine = new CreditsSearchEngine();
        engine.Publish(Catalog(("Engine", "Core team", "Ann Lee"), ("Engine", "Testing", "Bo Chen")), "now");

        // A key from an older index: the area was renamed since. The handlers look an unknown key up as text.
        Assert.Null(engine.GetSection("kite/motor/testing"));
        Assert.Equal("Testing", engine.FindSection("kite/motor/testing", limit: 1).Hits[0].Section.Title);
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
