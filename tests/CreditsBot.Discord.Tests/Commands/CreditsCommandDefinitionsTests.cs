using System.Text.Json;
using System.Text.RegularExpressions;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Commands;

public class CreditsCommandDefinitionsTests
{
    private static readonly Regex NamePattern = new(@"^[-_'\p{Ll}\p{N}]{1,32}$");

    private static IEnumerable<ApplicationCommandOption> All(IEnumerable<ApplicationCommandOption>? options) =>
        (options ?? []).SelectMany(o => All(o.Options).Prepend(o));

    [Fact]
    public void One_credits_command_with_six_subcommands_each_with_private()
    {
        var command = Assert.Single(CreditsCommandDefinitions.Build());
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
    public void Names_and_descriptions_follow_discord_rules()
    {
        var command = CreditsCommandDefinitions.Build([new DocumentChoice("gpt-4", "GPT-4 contributions")])[0];
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
    public void Person_and_section_names_autocomplete_and_documents_are_choices()
    {
        var command = CreditsCommandDefinitions.Build([new DocumentChoice("gpt-4", "GPT-4 contributions"), new DocumentChoice("gpt-4v", "GPT-4V contributions")])[0];
        var person = command.Options!.Single(o => o.Name == "person");
        var section = command.Options!.Single(o => o.Name == "section");
        Assert.True(person.Options![0].Autocomplete);
        Assert.True(section.Options![0].Autocomplete);
        var document = section.Options!.Single(o => o.Name == "document");
        Assert.Equal(["gpt-4", "gpt-4v"], document.Choices!.Select(c => c.Value));
        Assert.NotEqual(true, document.Required);
        Assert.Null(command.Options!.Single(o => o.Name == "role").Options![0].Autocomplete);
    }

    [Fact]
    public void Same_documents_give_byte_identical_json_so_registering_twice_changes_nothing()
    {
        string Json() => JsonSerializer.Serialize(CreditsCommandDefinitions.Build([new DocumentChoice("gpt-4", "GPT-4")]), DiscordJsonContext.Default.ListApplicationCommand);
        Assert.Equal(Json(), Json());
    }

    [Fact]
    public void The_whole_command_stays_under_8000_characters()
    {
        var command = CreditsCommandDefinitions.Build([new DocumentChoice("gpt-4", "GPT-4 contributions"), new DocumentChoice("gpt-4v", "GPT-4V contributions")])[0];
        var size = command.Name.Length + command.Description.Length
                   + All(command.Options).Sum(o => o.Name.Length + o.Description.Length + (o.Choices ?? []).Sum(c => c.Name.Length + c.Value.Length));
        Assert.True(size < 8000);
    }
}
