using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Replies;

/// <summary>
/// The bot's own words in replies (ReplyText.resx, translated in ReplyText.{culture}.resx), read through
/// <see cref="IStringLocalizer"/> in the current UI culture, which the router sets from the interaction's
/// locale. Credits text never goes through here.
/// </summary>
public sealed class ReplyText
{
    public static IStringLocalizer Localizer { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(ReplyText));

    /// <summary>The text of <paramref name="key"/> in the current UI culture, with <paramref name="arguments"/> filled in.</summary>
    public static string Get(string key, params object[] arguments) => Localizer[key, arguments].Value;
}
