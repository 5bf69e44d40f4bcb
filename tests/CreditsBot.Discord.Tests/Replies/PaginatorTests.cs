using CreditsBot.Discord.Replies;

namespace CreditsBot.Discord.Tests.Replies;

public class PaginatorTests
{
    [Fact]
    public void Lines_are_split_by_count_and_kept_in_order()
    {
        var lines = Enumerable.Range(1, 45).Select(i => $"line {i}").ToList();
        var pages = Paginator.PackLines(lines, maxLines: 20);
        Assert.Equal(3, pages.Count);
        Assert.Equal(lines, pages.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void Lines_are_split_by_size()
    {
        var lines = Enumerable.Range(1, 10).Select(i => new string((char)('a' + i), 900)).ToList();
        var pages = Paginator.PackLines(lines, maxLines: 100, maxChars: 2000);
        Assert.All(pages, p => Assert.True(p.Length <= 2000));
        Assert.Equal(5, pages.Count);
    }

    [Fact]
    public void A_long_group_continues_in_another_field_within_field_limits()
    {
        var group = ("Big section", (IReadOnlyList<string>)Enumerable.Range(1, 100).Select(i => $"member number {i:000}").ToList());
        var pages = Paginator.PackFields([group], maxFields: 25, maxChars: 100_000);
        var fields = pages.SelectMany(p => p).ToList();
        Assert.True(fields.Count > 1);
        Assert.Equal("Big section", fields[0].Name);
        Assert.All(fields.Skip(1), f => Assert.Equal("Big section (cont.)", f.Name));
        Assert.All(fields, f => Assert.True(f.Value.Length <= DiscordLimits.FieldValue));
        Assert.Equal(100, fields.Sum(f => f.Value.Split('\n').Length));
    }

    [Fact]
    public void Same_input_gives_same_pages() =>
        Assert.Equal(
            Paginator.PackLines(Enumerable.Range(0, 77).Select(i => i.ToString())),
            Paginator.PackLines(Enumerable.Range(0, 77).Select(i => i.ToString())));
}
