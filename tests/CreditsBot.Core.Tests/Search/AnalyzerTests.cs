using CreditsBot.Core.Search.Analysis;

namespace CreditsBot.Core.Tests.Search;

public class AnalyzerTests
{
    [Theory]
    [InlineData("Łukasz Kaiser", "lukasz kaiser")]
    [InlineData("David Mély", "david mely")]
    [InlineData("Cullen O’Keefe", "cullen okeefe")]
    [InlineData("Cullen O'Keefe", "cullen okeefe")]
    [InlineData("Michael (Rai) Pokorny", "michael rai pokorny")]
    [InlineData("Rapha Gontijo-Lopes", "rapha gontijo lopes")]
    [InlineData("Paul Röttger", "paul rottger")]
    [InlineData("Ｇｒｅｇ", "greg")]
    [InlineData("Greg\u202eBrockman\u0000", "greg brockman")]
    [InlineData("Straße", "strasse")]
    public void Person_names_are_folded_to_plain_lower_case_words(string name, string expected)
    {
        using var analyzer = new FoldedWordsAnalyzer();

        Assert.Equal(expected, string.Join(' ', AnalyzedText.Terms(analyzer, name)));
    }

    [Fact]
    public void Role_text_drops_question_words_expands_abbreviations_and_stems()
    {
        using var analyzer = new DescriptiveTextAnalyzer();

        Assert.Equal(["lead", "long", "context"], AnalyzedText.Terms(analyzer, "Who led the long ctx?"));
        Assert.Equal(["long", "context", "co", "lead"], AnalyzedText.Terms(analyzer, "Long context co-lead"));
    }

    [Fact]
    public void Section_titles_stem_so_red_team_meets_red_teaming()
    {
        using var analyzer = new DescriptiveTextAnalyzer();

        Assert.Equal(AnalyzedText.Terms(analyzer, "red team"), AnalyzedText.Terms(analyzer, "Red teaming"));
    }

    [Fact]
    public void Token_count_and_length_are_bounded()
    {
        using var analyzer = new FoldedWordsAnalyzer();

        var terms = AnalyzedText.Terms(analyzer, string.Join(' ', Enumerable.Repeat("word", 100)));
        var longWord = AnalyzedText.Terms(analyzer, new string('a', 500));

        Assert.Equal(AnalyzedText.MaxTokens, terms.Count);
        Assert.Equal(AnalyzedText.MaxTokenLength, longWord[0].Length);
        Assert.All(longWord, t => Assert.True(t.Length <= AnalyzedText.MaxTokenLength));
    }
}
