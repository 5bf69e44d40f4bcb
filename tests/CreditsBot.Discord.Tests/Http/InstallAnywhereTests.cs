using System.Text.Json;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Tests.Gateway;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Http;

/// <summary>
/// Issue 13 as a Discord client sees it, through both transports: selects, pages that belong to whoever asked,
/// Post in channel, the message command, languages, and user installs. Every answer is checked against every limit.
/// </summary>
[Collection(nameof(ProcessExitCodeCollection))]
public sealed class InstallAnywhereTests
{
    private const int Ephemeral = 64;
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());

    private async Task<IReadOnlyList<JsonElement>> Answers(Transport transport, params string[] interactions)
    {
        var answers = await Transports.AnswersAsync(transport, _search, interactions);
        foreach (var answer in answers)
            Replies.ReplyBuilderTests.AssertWithinLimits(JsonSerializer.Deserialize(answer.GetProperty("data").GetRawText(), DiscordJsonContext.Default.MessagePayload)!);
        return answers;
    }

    private static int Type(JsonElement answer) => answer.GetProperty("type").GetInt32();

    private static int Flags(JsonElement answer) => answer.GetProperty("data").TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0;

    private static JsonElement Embed(JsonElement answer) => answer.GetProperty("data").GetProperty("embeds")[0];

    private static IEnumerable<JsonElement> Components(JsonElement answer) =>
        answer.GetProperty("data").GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray());

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task Other_matches_are_offered_in_a_string_select_and_choosing_one_answers_for_it(Transport transport)
    {
        var answers = await Answers(transport,
            Payloads.Command("person", ("name", "Greg")),
            Payloads.Select("cr|p|greg brockmann|0"));

        var select = Assert.Single(Components(answers[0]), c => c.GetProperty("type").GetInt32() == (int)ComponentType.StringSelect);
        var option = Assert.Single(select.GetProperty("options").EnumerateArray());
        Assert.Equal(("Greg Brockmann", "cr|p|greg brockmann|0", "1 credit · GPT-4V contributions"),
            (option.GetProperty("label").GetString(), option.GetProperty("value").GetString(), option.GetProperty("description").GetString()));
        Assert.Equal(7, Type(answers[1]));
        Assert.Equal("Greg Brockmann", Embed(answers[1]).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task Another_users_click_gets_a_private_copy_in_their_language_while_the_invoker_pages_in_place(Transport transport)
    {
        var answers = await Answers(transport,
            Payloads.Button("cr|p|prolific person|1", clicker: Actor.Noor),
            Payloads.Button("cr|p|prolific person|1", clicker: Actor.Mira));

        Assert.Equal((4, Ephemeral), (Type(answers[0]), Flags(answers[0])));
        Assert.StartsWith("Seite 2/", Embed(answers[0]).GetProperty("footer").GetProperty("text").GetString());
        Assert.Contains(Components(answers[0]), c => c.GetProperty("label").GetString() == "Im Kanal posten");
        Assert.Equal(7, Type(answers[1]));
        Assert.StartsWith("Page 2/", Embed(answers[1]).GetProperty("footer").GetProperty("text").GetString());
        Assert.DoesNotContain(Components(answers[1]), c => c.TryGetProperty("label", out var l) && l.GetString() == "Post in channel");
    }

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task Post_in_channel_posts_the_same_page_publicly_without_another_post_button(Transport transport)
    {
        var answers = await Answers(transport,
            Payloads.Command("section", ("name", "Acknowledgements"), ("private", true)),
            Payloads.Button("cp|s|" + _search.FindSection("Acknowledgements").Hits[0].Key + "|1", flags: Ephemeral));

        var post = Assert.Single(Components(answers[0]), c => c.TryGetProperty("label", out var l) && l.GetString() == "Post in channel");
        Assert.StartsWith("cp|s|", post.GetProperty("custom_id").GetString());
        Assert.Equal((4, 0), (Type(answers[1]), Flags(answers[1])));
        Assert.StartsWith("Page 2/", Embed(answers[1]).GetProperty("footer").GetProperty("text").GetString());
        Assert.DoesNotContain(Components(answers[1]), c => c.TryGetProperty("custom_id", out var id) && id.GetString()!.StartsWith("cp|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task The_message_command_finds_the_people_named_privately_and_nobody_in_ordinary_words(Transport transport)
    {
        var answers = await Answers(transport,
            Payloads.MessageCommand("Huge thanks to Greg Brockman and alex paino for the cluster work 🎉"),
            Payloads.MessageCommand("We shipped the model and the data pipeline, great work everyone."));

        Assert.Equal((4, Ephemeral), (Type(answers[0]), Flags(answers[0])));
        Assert.Equal(["Greg Brockman", "Alex Paino"], Embed(answers[0]).GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal((4, Ephemeral), (Type(answers[1]), Flags(answers[1])));
        Assert.Equal("No credited person is named in this message.", Embed(answers[1]).GetProperty("description").GetString());
    }

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task Private_replies_follow_the_users_locale_and_public_ones_the_servers(Transport transport)
    {
        var german = new Actor(Locale: "de", GuildLocale: "fr");
        var answers = await Answers(transport,
            Payloads.CommandBy(german, "person", ("name", "Nobody Here")),
            Payloads.CommandBy(german, "about"));

        Assert.Equal("Keine Person aus den Credits passt zu „Nobody Here“.", Embed(answers[0]).GetProperty("description").GetString());
        Assert.Equal("CreditsBot — ce qui est indexé", Embed(answers[1]).GetProperty("title").GetString());
        Assert.Equal("GPT-4 contributions", Embed(answers[1]).GetProperty("fields")[0].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task Where_only_the_user_installed_the_app_answers_are_private_unless_asked_and_allowed(Transport transport)
    {
        var mayNotPost = Actor.MiraUserInstalled with { Permissions = "2048" };
        var answers = await Answers(transport,
            Payloads.CommandBy(Actor.MiraUserInstalled, "person", ("name", "Greg Brockman")),
            Payloads.CommandBy(Actor.MiraUserInstalled, "person", ("name", "Greg Brockman"), ("private", false)),
            Payloads.CommandBy(mayNotPost, "person", ("name", "Greg Brockman"), ("private", false)),
            Payloads.Button("cp|p|greg brockman|0", clicker: mayNotPost, flags: Ephemeral));

        Assert.Equal((4, Ephemeral), (Type(answers[0]), Flags(answers[0])));
        Assert.Equal("Greg Brockman", Embed(answers[0]).GetProperty("title").GetString());
        Assert.Equal((4, 0), (Type(answers[1]), Flags(answers[1])));
        Assert.Equal((4, Ephemeral), (Type(answers[2]), Flags(answers[2])));
        Assert.Equal((4, Ephemeral), (Type(answers[3]), Flags(answers[3])));
        Assert.Contains("cannot be posted here", answers[3].GetProperty("data").GetProperty("content").GetString());
    }

    [Theory]
    [InlineData(Transport.Http)]
    [InlineData(Transport.Gateway)]
    public async Task The_document_option_completes_from_the_live_index(Transport transport)
    {
        var answers = await Transports.AnswersAsync(transport, _search, Payloads.Autocomplete("section", "document", "4v", ("name", "Evaluation")));
        Assert.Equal(8, Type(answers[0]));
        var choice = Assert.Single(answers[0].GetProperty("data").GetProperty("choices").EnumerateArray());
        Assert.Equal(("GPT-4V contributions", "gpt-4v"), (choice.GetProperty("name").GetString(), choice.GetProperty("value").GetString()));
    }
}
