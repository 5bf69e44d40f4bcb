using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Commands;

public class CommandParserTests
{
    private static InteractionData Data(string body) =>
        JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!.Data!;

    [Fact]
    public void Person_with_private()
    {
        Assert.True(CommandParser.TryParse(Data(Payloads.Command("person", ("name", "greg"), ("private", true))), out var command, out _));
        Assert.Equal(new PersonCommand("greg", Private: true), command);
    }

    [Fact]
    public void Section_with_document()
    {
        Assert.True(CommandParser.TryParse(Data(Payloads.Command("section", ("name", "data"), ("document", "gpt-4v"))), out var command, out _));
        Assert.Equal(new SectionCommand("data", "gpt-4v"), command);
    }

    [Fact]
    public void Role_and_about()
    {
        Assert.True(CommandParser.TryParse(Data(Payloads.Command("role", ("query", "triton lead"))), out var role, out _));
        Assert.Equal(new RoleCommand("triton lead"), role);
        Assert.True(CommandParser.TryParse(Data(Payloads.Command("about")), out var about, out _));
        Assert.Equal(new AboutCommand(), about);
    }

    [Fact]
    public void The_message_command_reads_the_target_messages_text_and_private_is_unset_unless_given()
    {
        Assert.True(CommandParser.TryParse(Data(Payloads.MessageCommand("Thanks Greg Brockman")), out var mentions, out _));
        Assert.Equal(new MentionsCommand("Thanks Greg Brockman"), mentions);
        Assert.True(CommandParser.TryParse(Data(Payloads.Command("about", ("private", false))), out var about, out _));
        Assert.False(about.Private);
        Assert.True(CommandParser.TryParse(Data(Payloads.Command("about")), out var unset, out _));
        Assert.Null(unset.Private);
    }

    [Fact]
    public void A_message_command_without_its_resolved_message_says_so()
    {
        var body = Payloads.MessageCommand("x").Replace("\"target_id\":\"1533070000000000001\"", "\"target_id\":\"999\"");
        Assert.False(CommandParser.TryParse(Data(body), out _, out var error));
        Assert.Equal("That message has no text to look up.", error);
    }

    [Fact]
    public void Missing_required_text_says_what_is_needed()
    {
        Assert.False(CommandParser.TryParse(Data(Payloads.Command("person")), out _, out var error));
        Assert.Contains("person", error);
    }

    [Fact]
    public void Unknown_subcommand_or_command_is_refused_with_a_reason()
    {
        Assert.False(CommandParser.TryParse(Data(Payloads.Command("dance")), out _, out var error));
        Assert.Contains("dance", error);
        Assert.False(CommandParser.TryParse(new InteractionData { Name = "other" }, out _, out error));
        Assert.NotEmpty(error);
        Assert.False(CommandParser.TryParse(null, out _, out _));
    }

    [Fact]
    public void A_number_where_text_is_expected_is_not_text()
    {
        var data = Data(Payloads.Interaction(2, "1", "t", """{"name":"credits","options":[{"name":"person","type":1,"options":[{"name":"name","type":4,"value":42}]}]}"""));
        Assert.False(CommandParser.TryParse(data, out _, out _));
    }

    [Fact]
    public void Autocomplete_finds_the_focused_option_and_the_chosen_document()
    {
        var data = Data(Payloads.Autocomplete("section", "name", "dat", ("document", "gpt-4")));
        Assert.True(CommandParser.TryParseAutocomplete(data, out var request));
        Assert.Equal(new AutocompleteRequest("section", "name", "dat", "gpt-4"), request);
    }

    [Fact]
    public void The_documented_role_autocomplete_example_parses()
    {
        var data = Data(Payloads.Autocomplete("role", "query", "dir"));
        Assert.True(CommandParser.TryParseAutocomplete(data, out var request));
        Assert.Equal("role", request.Subcommand);
        Assert.Equal("dir", request.Text);
    }
}
