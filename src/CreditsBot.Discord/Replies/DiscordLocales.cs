using System.Globalization;

namespace CreditsBot.Discord.Replies;

/// <summary>
/// The languages the bot speaks besides English, as Discord names them and as the resource files are named.
/// The resource cultures are neutral (es covers es-ES and es-419), and a locale is matched by its language
/// here rather than by <see cref="CultureInfo.Parent"/>, which invariant globalization leaves empty.
/// </summary>
public static class DiscordLocales
{
    /// <summary>Discord locale → resource culture; registration emits a localization for each of these locales.</summary>
    public static IReadOnlyList<(string Locale, string Culture)> Translated { get; } =
    [
        ("de", "de"),
        ("fr", "fr"),
        ("es-ES", "es"),
        ("es-419", "es"),
        ("pt-BR", "pt"),
        ("ja", "ja"),
    ];

    /// <summary>The culture whose resources answer a Discord locale ("de", "pt-BR", "es-419"); English (invariant) when none.</summary>
    public static CultureInfo CultureFor(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
            return CultureInfo.InvariantCulture;
        var language = locale.Split('-', 2)[0];
        foreach (var (discordLocale, culture) in Translated)
        {
            if (string.Equals(discordLocale, locale, StringComparison.OrdinalIgnoreCase)
                || string.Equals(culture, language, StringComparison.OrdinalIgnoreCase))
                return CultureInfo.GetCultureInfo(culture);
        }
        return CultureInfo.InvariantCulture;
    }

    /// <summary>Makes <paramref name="culture"/> the UI culture until disposed (what <c>IStringLocalizer</c> reads).</summary>
    public static IDisposable Use(CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        return new Restore(previous);
    }

    private sealed class Restore(CultureInfo previous) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}
