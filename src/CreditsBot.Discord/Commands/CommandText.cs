using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Commands;

/// <summary>
/// Translations of the command definitions (CommandText.{culture}.resx), keyed by the path of the command,
/// option or choice ("credits.person.name"); a shared option may be translated once by its own name
/// ("private"). English stays in <see cref="CreditsCommandDefinitions"/>, so the neutral file is empty, and a
/// key missing in a language simply has no localization there.
/// </summary>
public sealed class CommandText
{
    public static IStringLocalizer Localizer { get; } =
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(CommandText));
}
