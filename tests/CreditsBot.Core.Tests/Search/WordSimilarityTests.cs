using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

/// <summary>The one word-scoring rule: what a typed word may be, given the evidence of the other words.</summary>
public class WordSimilarityTests
{
    private static readonly WordEvidence Alone = new(OtherWordsAgree: false, LoneWord: true, TypedWordIsKnown: false);
    private static readonly WordEvidence Beside = new(OtherWordsAgree: false, LoneWord: false, TypedWordIsKnown: false);
    private static readonly WordEvidence Supported = new(OtherWordsAgree: true, LoneWord: false, TypedWordIsKnown: false);

    private static WordMatchKind Kind(string typed, string word, WordEvidence evidence, bool beingTyped = false) =>
        WordSimilarity.Score(typed, word, [], evidence, minPrefix: beingTyped ? 1 : 0, beingTyped).Kind;

    [Theory]
    [InlineData("bay", "bai")]     // one slip in a three-letter word
    [InlineData("km", "kim")]      // a letter dropped from a three-letter word
    [InlineData("tootnchain", "tootoonchian")] // three slips in a long word
    public void A_word_beside_an_exact_word_may_carry_a_slip_more_than_without_that_support(string typed, string word)
    {
        Assert.Equal(WordMatchKind.Fuzzy, Kind(typed, word, Supported));
        Assert.Equal(WordMatchKind.None, Kind(typed, word, Beside));
    }

    [Theory]
    [InlineData("date", "data")]
    [InlineData("test", "west")]
    [InlineData("weather", "heather")] // the first letter differs: a second slip
    public void A_lone_word_near_another_word_is_no_match(string typed, string word) =>
        Assert.Equal(WordMatchKind.None, Kind(typed, word, Alone));

    [Fact]
    public void A_lone_longer_word_may_carry_one_slip_and_no_more() =>
        Assert.Equal((WordMatchKind.Fuzzy, WordMatchKind.None), (Kind("pokorni", "pokorny", Alone), Kind("pokrni", "pokorny", Alone)));

    [Fact]
    public void A_typed_word_that_is_itself_credited_carries_one_slip_at_most()
    {
        var known = new WordEvidence(OtherWordsAgree: true, LoneWord: false, TypedWordIsKnown: true);

        Assert.Equal(WordMatchKind.Fuzzy, Kind("lim", "lin", known));
        Assert.Equal(WordMatchKind.None, Kind("zhang", "zhao", known)); // two edits from a real surname
    }

    [Theory]
    [InlineData("sofie", "sophie")]
    [InlineData("kamalee", "kamali")]
    [InlineData("yooan", "yuan")]
    public void Sound_alike_spellings_cost_one_slip(string typed, string word)
    {
        Assert.Equal(WordSimilarity.SoundKey(word), WordSimilarity.SoundKey(typed));
        Assert.Equal(WordMatchKind.Fuzzy, Kind(typed, word, Supported));
    }

    [Theory]
    [InlineData("kostan", "konstantinidis")]
    [InlineData("rekic", "reiichiro")]
    [InlineData("raun", "arun")] // the first two letters swapped
    public void A_word_being_typed_is_measured_against_the_nearest_beginning(string typed, string word)
    {
        Assert.Equal(WordMatchKind.Fuzzy, Kind(typed, word, Alone, beingTyped: true));
        Assert.Equal(WordMatchKind.None, Kind(typed, word, Alone));
    }

    [Fact]
    public void Written_short_form_and_prefix_rank_above_any_slip()
    {
        var exact = WordSimilarity.Score("greg", "greg", [], Beside, 1);
        var form = WordSimilarity.Score("greg", "gregory", ["gregory"], Beside, 1);
        var prefix = WordSimilarity.Score("brock", "brockman", [], Beside, 1);
        var slip = WordSimilarity.Score("brokman", "brockman", [], Beside, 1);

        Assert.Equal([WordMatchKind.Exact, WordMatchKind.Form, WordMatchKind.Prefix, WordMatchKind.Fuzzy], new[] { exact, form, prefix, slip }.Select(m => m.Kind));
        Assert.True(exact.Score > form.Score && form.Score > prefix.Score && prefix.Score > slip.Score);
    }
}
