using CreditsBot.Discord.Replies;

namespace CreditsBot.Discord.Tests.Replies;

public class CustomIdCodecTests
{
    [Theory]
    [InlineData(CustomIdKind.PersonKey, "greg brockman", 0, false)]
    [InlineData(CustomIdKind.SectionKey, "section:gpt-4/pretraining/core|contributors", 3, false)]
    [InlineData(CustomIdKind.RoleQuery, "triton lead", 12, true)]
    [InlineData(CustomIdKind.PersonQuery, "Grég", 0, false)]
    [InlineData(CustomIdKind.SectionQuery, "data", 1, true)]
    [InlineData(CustomIdKind.About, "about", 0, true)]
    public void Round_trips(CustomIdKind kind, string argument, int page, bool post)
    {
        var id = CustomIdCodec.Encode(new CustomIdTarget(kind, argument), page, post);
        Assert.NotNull(id);
        Assert.True(id.Length <= DiscordLimits.CustomId);
        Assert.True(CustomIdCodec.TryDecode(id, out var action));
        Assert.Equal(new CustomIdAction(new CustomIdTarget(kind, argument), page, post), action);
    }

    [Fact]
    public void Matches_the_documented_example_shape() =>
        Assert.Equal("cr|p|greg|2", CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.PersonKey, "greg"), 2));

    [Theory]
    [InlineData(93, false)]
    [InlineData(94, true)]
    [InlineData(100, true)]
    public void A_key_longer_than_the_room_travels_as_its_start_and_a_digest(int length, bool digested)
    {
        // "cr|p|" + key + "|0" leaves room for 93 characters.
        var key = new string('k', length - 1) + "z";
        var id = CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.PersonKey, key), 0);
        Assert.NotNull(id);
        Assert.InRange(id.Length, 1, DiscordLimits.CustomId);
        Assert.True(CustomIdCodec.TryDecode(id, out var action));
        var reference = new KeyReference(action.Target.Argument, action.Target.Digest);
        Assert.Equal(digested, reference.Digest is not null);
        Assert.True(reference.Matches(key));
        Assert.False(reference.Matches(new string('k', length)));
    }

    [Fact]
    public void A_long_query_is_cut_to_fit()
    {
        var id = CustomIdCodec.Encode(new CustomIdTarget(CustomIdKind.RoleQuery, new string('q', 500)), 7);
        Assert.NotNull(id);
        Assert.Equal(DiscordLimits.CustomId, id.Length);
        Assert.True(CustomIdCodec.TryDecode(id, out var action));
        Assert.Equal(CustomIdKind.RoleQuery, action.Target.Kind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(13)]
    public void Mentions_keep_as_many_people_as_fit_each_recognisable(int count)
    {
        var keys = Enumerable.Range(1, count).Select(i => $"person number {i:000} with a rather long name").ToList();
        var (target, kept) = CustomIdCodec.MentionsTarget(keys);
        Assert.Equal(count, kept);
        var id = CustomIdCodec.Encode(target, 99, post: true);
        Assert.InRange(id!.Length, 1, DiscordLimits.CustomId);
        Assert.True(CustomIdCodec.TryDecode(id, out var action));
        var references = CustomIdCodec.MentionReferences(action.Target.Argument);
        Assert.Equal(count, references.Count);
        for (var i = 0; i < count; i++)
        {
            Assert.True(references[i].Matches(keys[i]));
            Assert.All(keys.Where((_, j) => j != i), other => Assert.False(references[i].Matches(other) && references[i].Digest is null));
        }
    }

    [Fact]
    public void Too_many_people_for_one_id_keep_the_first_that_fit()
    {
        var keys = Enumerable.Range(1, 25).Select(i => $"someone {i:00}").ToList();
        var (target, kept) = CustomIdCodec.MentionsTarget(keys);
        Assert.InRange(kept, 8, 24);
        Assert.True(CustomIdCodec.Encode(target, 0)!.Length <= DiscordLimits.CustomId);
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
    [InlineData("cr|P|abc|1")]
    [InlineData("xx|p|key|1")]
    [InlineData(CustomIdCodec.SelectId)]
    public void Garbage_does_not_decode(string? id) => Assert.False(CustomIdCodec.TryDecode(id, out _));
}
