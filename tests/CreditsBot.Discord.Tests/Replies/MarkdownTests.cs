using CreditsBot.Discord.Replies;

namespace CreditsBot.Discord.Tests.Replies;

public class MarkdownTests
{
    [Theory]
    [InlineData("Jane_Doe*", "Jane\\_Doe\\*")]
    [InlineData("**bold** ~~x~~ `code` ||spoiler||", "\\*\\*bold\\*\\* \\~\\~x\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("[link](https://x.example)", "\\[link\\](https://x.example)")]
    [InlineData("GPT-4 and Jean-Pierre #1 > 2", "GPT-4 and Jean-Pierre #1 > 2")]
    [InlineData("1. first\n  - second\n+ third", "1\\. first\n  \\- second\n\\+ third")]
    [InlineData("<t:1700000000:R> <:emoji:123>", "\\<t:1700000000:R> \\<:emoji:123>")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("Plain Name", "Plain Name")]
    public void Escape_puts_a_backslash_before_markdown(string input, string expected) =>
        Assert.Equal(expected, Markdown.Escape(input));

    [Theory]
    [InlineData("@everyone")]
    [InlineData("@here")]
    [InlineData("<@646650947174531076>")]
    [InlineData("<@&849225764044931082>")]
    public void Escape_breaks_mention_syntax(string input)
    {
        var escaped = Markdown.Escape(input);
        Assert.DoesNotContain(input, escaped);
        Assert.Contains("@\u200B", escaped);
        Assert.DoesNotMatch(@"(?<!\\)<", escaped); // any '<' is escaped
    }

    [Fact]
    public void Escape_replaces_control_characters_but_keeps_newlines()
    {
        Assert.Equal("a b c\nd", Markdown.Escape("a\tb\0c\nd"));
    }

    [Fact]
    public void Truncate_never_cuts_an_escape_from_its_character()
    {
        var escaped = Markdown.Escape("abc_def");   // abc\_def
        var cut = Markdown.Truncate(escaped, 5);     // would end in "abc\" + "…"
        Assert.Equal("abc…", cut);
        Assert.True(cut.Length <= 5);
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair()
    {
        var text = "ab😀cd";
        var cut = Markdown.Truncate(text, 4);
        Assert.Equal("ab…", cut);
        Assert.DoesNotContain(cut, char.IsSurrogate);
    }

    [Fact]
    public void Truncate_keeps_short_text_as_is() => Assert.Same("short", Markdown.Truncate("short", 10));
}
