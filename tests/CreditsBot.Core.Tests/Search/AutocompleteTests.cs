using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

public class AutocompleteTests
{
    [Theory]
    [InlineData("gr", "Greg Brockman")]
    [InlineData("wo", "Wojciech Zaremba")]
    [InlineData("sutsk", "Ilya Sutskever")]
    [InlineData("mél", "David Mély")]
    public void The_intended_person_is_near_the_top_after_a_few_letters(string typed, string expected)
    {
        var names = SeedSearch.Instance.Autocomplete(AutocompleteKind.Person, typed).Select(c => c.Name).ToList();

        Assert.Contains(expected, names.Take(5));
    }

    [Theory]
    [InlineData("dr greg", "Greg Brockman")]
    [InlineData("prof. jakub pa", "Jakub Pachocki")]
    public void A_form_of_address_before_the_name_being_typed_is_left_out(string typed, string expected)
    {
        Assert.Equal(expected, SeedSearch.Instance.Autocomplete(AutocompleteKind.Person, typed)[0].Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("da")]
    [InlineData("e")]
    public void Choices_are_at_most_25_and_each_name_and_value_is_1_to_100_characters(string typed)
    {
        foreach (var kind in new[] { AutocompleteKind.Person, AutocompleteKind.Section })
        {
            var choices = SeedSearch.Instance.Autocomplete(kind, typed);

            Assert.InRange(choices.Count, 1, 25);
            Assert.All(choices, c => Assert.InRange(c.Name.Length, 1, 100));
            Assert.All(choices, c => Assert.InRange(c.Value.Length, 1, 100));
            Assert.Equal(choices.Count, choices.Select(c => c.Value).Distinct().Count());
        }
    }

    [Fact]
    public void Very_long_names_are_cut_to_fit_a_choice()
    {
        var longName = "Bartholomew " + string.Join(' ', Enumerable.Repeat("Featherstonehaugh", 10));
        using var engine = TestCatalogs.Engine(TestCatalogs.Build("long", ("Area", "Section " + new string('x', 120), [longName])));

        var person = Assert.Single(engine.Autocomplete(AutocompleteKind.Person, "barth"));
        var section = Assert.Single(engine.Autocomplete(AutocompleteKind.Section, "sect"));

        Assert.InRange(person.Name.Length, 1, 100);
        Assert.InRange(person.Value.Length, 1, 100);
        Assert.Equal(longName, engine.GetPerson(person.Value)?.Name);
        Assert.InRange(section.Name.Length, 1, 100);
    }
}
