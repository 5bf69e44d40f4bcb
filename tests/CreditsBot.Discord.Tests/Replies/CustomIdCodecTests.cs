using CreditsBot.Discord.Replies;

namespace CreditsBot.Discord.Tests.Replies;

public class CustomIdCodecTests
{
    [Theory]
    [InlineData(CustomIdKind.PersonKey, "person:greg brockman", 0)]
    [InlineData(CustomIdKind.SectionKey, "section:gpt-4/pretraining/core|contributors", 3)]
    [InlineData(CustomIdKind.RoleQuery, "triton lead", 12)]
    [InlineData(CustomIdKind.PersonQuery, "Grég", 0)]
    [InlineData(CustomIdKind.SectionQuery, "data", 1)]
    public void Round_trips(CustomIdKind kind, string argument, int page)
    {
        var id = CustomIdCodec.Encode(new CustomIdTarget(kind, argument), page);
        Assert.NotNull(id);
        Assert.True(id.Length <= DiscordLimits.CustomId);
        Assert.True(CustomIdCodec.TryDecode(id, out var target, out var decodedPage));
        Assert.Equal(new CustomIdTarget(kind, argument), target);
        Assert.Equal(page, decodedPage);
    }

    [Fact]
    public void Matches_the_documented_example_shape() =>
        Assert.Equal("cr|p|greg|2", CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.PersonKey, "greg"), 2));

    [Fact]
    public void A_key_that_does_not_fit_gives_no_id_rather_than_a_wrong_one() =>
        Assert.Null(CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.PersonKey, new string('k', 99)), 0));

    [Fact]
    public void A_long_query_is_cut_to_fit()
    {
        var id = CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.RoleQuery, new string('q', 500)), 7);
        Assert.NotNull(id);
        Assert.Equal(DiscordLimits.CustomId, id.Length);
        Assert.True(CustomIdCodec.TryDecode(id, out var target, out _));
        Assert.Equal(CustomIdKind.RoleQuery, target.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cr|p|1")]
    [InlineData("cr|p||1")]
    [InlineData("cr|p|key|")]
    [InlineData("cr|z|key|1")]
    [InlineData("cr|p|key|-1")]
    [InlineData("cr|p|key|1e3")]
    [InlineData("cr|p|key|99999999999")]
    [InlineData("cr|pp|key|1")]
    [InlineData("xx|p|key|1")]
    public void Garbage_does_not_decode(string? id) => Assert.False(CustomIdCodec.TryDecode(id, out _, out _));
}
