using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

/// <summary>The people a message names, found on the bundled pages with the person lookup's own tolerance.</summary>
public class MentionFinderTests
{
    private static List<string> Named(string text) => SeedSearch.Instance.FindMentions(text).Select(m => m.Person.Name).ToList();

    [Fact]
    public void Full_names_are_found_in_order_with_a_slip_or_without_accents()
    {
        Assert.Equal(["Greg Brockman", "Jakub Pachocki", "Ilya Sutskever"],
            Named("Huge thanks to Greg Brockman, Jakub Pachoki and Ilya Sutskever for the launch!"));
        Assert.Equal(["Łukasz Kaiser", "David Mély"], Named("lukasz kaiser and David Mely ran the data work"));
    }

    [Fact]
    public void Each_person_is_listed_once_with_the_words_that_named_them()
    {
        var found = SeedSearch.Instance.FindMentions("Jeff Wu said Jeff Wu would ask jeff wu");
        var mention = Assert.Single(found);
        Assert.Equal(("Jeff Wu", "Jeff Wu"), (mention.Person.Name, mention.Words));
    }

    [Theory]
    [InlineData("We thank Microsoft for their partnership, especially Microsoft Azure for supporting model training with infrastructure design and management.")]
    [InlineData("The long context research and the data infrastructure were great; the vision team did the evaluation.")]
    [InlineData("Greg, Jakub and Ilya said hi.")]
    [InlineData("Greg Brock was here")]
    [InlineData("")]
    public void Ordinary_words_lone_given_names_and_word_beginnings_name_nobody(string text) => Assert.Empty(Named(text));

    [Fact]
    public void A_long_text_is_read_up_to_its_cap_and_never_fails()
    {
        var text = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet, ", 400)) + "Greg Brockman";
        Assert.True(text.Length > MentionFinder.MaxTextLength);
        Assert.Empty(Named(text));
        Assert.Equal(["Greg Brockman"], Named("Greg Brockman " + text));
    }
}
