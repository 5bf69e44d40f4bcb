using System.Globalization;
using CreditsBot.Discord.Replies;

namespace CreditsBot.Discord.Tests.Replies;

public sealed class ReplyTextTests
{
    public static TheoryData<string> Cultures() => new(DiscordLocales.Translated.Select(t => t.Culture).Distinct());

    private static HashSet<string> Keys(CultureInfo culture)
    {
        using (DiscordLocales.Use(culture))
            return ReplyText.Localizer.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_english_text_has_a_translation_and_no_translation_is_left_over(string culture)
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var translated = Keys(CultureInfo.GetCultureInfo(culture));

        Assert.NotEmpty(english);
        Assert.Empty(english.Except(translated).Order(StringComparer.Ordinal));
        Assert.Empty(translated.Except(english).Order(StringComparer.Ordinal));
    }
}
