using System.Text.Json;
using System.Text.RegularExpressions;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Commands;

public class CreditsCommandDefinitionsTests
{
    private static readonly Regex NamePattern = new(@"^[-_'\p{Ll}\p{N}]{1,32}$");
    private static readonly string[] RequiredLocales = ["de", "fr", "es-ES", "pt-BR", "ja"];
    private static readonly HashSet<string> DiscordLocaleCodes =
    [
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR",
        "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
    ];

    private static ApplicationCommand Slash() => CreditsCommandDefinitions.Build().Single(c => c.Type == ApplicationCommandType.ChatInput);

    private static IEnumerable<ApplicationCommandOption> All(IEnumerable<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(o => All(o.Options).Prepend(o));

    [Fact]
    public void The_credits_command_has_six_subcommands_each_with_private()
    {
        var command = Slash();
        Assert.Equal("credits", command.Name);
        Assert.Equal(["person", "section", "role", "with", "compare", "about"], command.Options!.Select(o => o.Name));
        Assert.All(command.Options!, sub =>
        {
            Assert.Equal(ApplicationCommandOptionType.SubCommand, sub.Type);
            var flag = sub.Options!.Last();
            Assert.Equal("private", flag.Name);
            Assert.Equal(ApplicationCommandOptionType.Boolean, flag.Type);
        });
    }

    [Fact]
    public void Every_command_installs_to_servers_and_users_and_works_in_every_context()
    {
        var commands = CreditsCommandDefinitions.Build();
        Assert.Equal([ApplicationCommandType.ChatInput, ApplicationCommandType.Message], commands.Select(c => c.Type));
        Assert.All(commands, c =>
        {
            Assert.Equal([0, 1], c.IntegrationTypes);
            Assert.Equal([0, 1, 2], c.Contexts);
        });
    }

    [Fact]
    public void The_message_command_has_a_readable_name_and_no_description()
    {
        var message = CreditsCommandDefinitions.Build().Single(c => c.Type == ApplicationCommandType.Message);
        Assert.Equal("Look up credits", message.Name);
        Assert.Equal("", message.Description);
        Assert.Null(message.Options);
        Assert.All(message.NameLocalizations!.Values, name => Assert.InRange(name.Length, 1, 32));
        Assert.Superset(RequiredLocales.ToHashSet(), message.NameLocalizations.Keys.ToHashSet());
    }

    [Fact]
    public void Names_and_descriptions_follow_discord_rules()
    {
        var command = Slash();
        Assert.Matches(NamePattern, command.Name);
        Assert.InRange(command.Description.Length, 1, 100);
        foreach (var option in All(command.Options))
        {
            Assert.Matches(NamePattern, option.Name);
            Assert.InRange(option.Description.Length, 1, 100);
            Assert.False(option.Autocomplete == true && option.Choices is not null, "autocomplete cannot have choices");
            // Required options come before optional ones.
            var children = option.Options ?? [];
            var firstOptional = children.FindIndex(o => o.Required != true);
            Assert.True(firstOptional < 0 || children.Skip(firstOptional).All(o => o.Required != true));
        }
    }

    [Fact]
    public void Every_description_is_translated_into_the_required_languages_within_the_limits()
    {
        var command = Slash();
        var described = All(command.Options).Select(o => (o.Name, o.Description, o.DescriptionLocalizations))
            .Prepend((command.Name, command.Description, command.DescriptionLocalizations));
        foreach (var (name, english, localized) in described)
        {
            Assert.True(localized is not null, $"{name} has no localizations");
            Assert.Superset(RequiredLocales.ToHashSet(), localized.Keys.ToHashSet());
            Assert.Subset(DiscordLocaleCodes, localized.Keys.ToHashSet());
            Assert.All(localized.Values, text =>
            {
                Assert.InRange(text.Length, 1, 100);
                Assert.NotEqual(english, text);
            });
        }
    }

    [Fact]
    public void A_shared_option_is_translated_once_for_every_subcommand()
    {
        var flags = Slash().Options!.Select(sub => sub.Options!.Single(o => o.Name == "private").DescriptionLocalizations!["de"]).Distinct();
        Assert.Equal("Nur du siehst die Antwort", Assert.Single(flags));
    }

    [Fact]
    public void Person_section_and_document_autocomplete_and_nothing_is_frozen_into_choices()
    {
        var command = Slash();
        var person = command.Options!.Single(o => o.Name == "person");
        var section = command.Options!.Single(o => o.Name == "section");
        Assert.True(person.Options![0].Autocomplete);
        Assert.True(section.Options![0].Autocomplete);
        var document = section.Options!.Single(o => o.Name == "document");
        Assert.True(document.Autocomplete);
        Assert.Null(document.Choices);
        Assert.NotEqual(true, document.Required);
        Assert.Null(command.Options!.Single(o => o.Name == "role").Options![0].Autocomplete);
    }

    [Fact]
    public void Building_twice_gives_byte_identical_json_so_registering_twice_changes_nothing()
    {
        static string Json() => JsonSerializer.Serialize(CreditsCommandDefinitions.Build(), DiscordJsonContext.Default.ListApplicationCommand);
        Assert.Equal(Json(), Json());
    }

    [Fact]
    public void The_whole_command_stays_under_8000_characters_counting_its_longest_localizations()
    {
        static int Longest(string text, Dictionary<string, string>? localized) => Math.Max(text.Length, localized?.Values.Max(v => v.Length) ?? 0);
        var command = Slash();
        var size = command.Name.Length + Longest(command.Description, command.DescriptionLocalizations)
                   + All(command.Options).Sum(o => o.Name.Length + Longest(o.Description, o.DescriptionLocalizations)
                       + (o.Choices ?? []).Sum(c => Longest(c.Name, c.NameLocalizations) + c.Value.Length));
        Assert.True(size < 8000);
    }

    [Fact]
    public void Each_discord_locale_finds_the_language_of_its_resources()
    {
        Assert.Equal("de", DiscordLocales.CultureFor("de").Name);
        Assert.Equal("pt", DiscordLocales.CultureFor("pt-BR").Name);
        Assert.Equal("es", DiscordLocales.CultureFor("es-419").Name);
        Assert.Equal("", DiscordLocales.CultureFor("ko").Name);
        Assert.Equal("", DiscordLocales.CultureFor(null).Name);
        Assert.All(DiscordLocales.Translated, t => Assert.Contains(t.Locale, DiscordLocaleCodes));
    }
}
