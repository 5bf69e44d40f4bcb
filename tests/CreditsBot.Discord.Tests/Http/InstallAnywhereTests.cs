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

    private async Task<IReadOnlyList<JsonElement>> Answers(Transport transport, params string[] interactions) =>
        (await Run(transport, followUps: 0, interactions)).Answers;

    private async Task<TransportRun> Run(Transport transport, int followUps, params string[] interactions)
    {
        var run = await Transports.RunAsync(transport, _search, followUps, interactions);
        foreach (var message in run.Answers.Select(a => a.GetProperty("data").GetRawText()).Concat(run.FollowUps.Select(f => f.Body)))
            Replies.ReplyBuilderTests.AssertWithinLimits(JsonSerializer.Deserialize(message, DiscordJsonContext.Default.MessagePayload)!);
        return run;
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
    public async Task Post_in_channel_updates_the_private_message_without_its_button_then_posts_the_same_page_once_publicly(Transport transport)
    {
        var click = Payloads.Button("cp|s|" + _search.FindSection("Acknowledgements").Hits[0].Key + "|1", flags: Ephemeral);
        var run = await Run(transport, followUps: 1, Payloads.Command("section", ("name", "Acknowledgements"), ("private", true)), click);
        var answers = run.Answers;

        var post = Assert.Single(Components(answers[0]), c => c.TryGetProperty("label", out var l) && l.GetString() == "Post in channel");
        Assert.StartsWith("cp|s|", post.GetProperty("custom_id").GetString());

        // The private message is updated in place: the same page, a note, and no Post button left to click again.
        Assert.Equal(7, Type(answers[1]));
        Assert.Equal("Posted in the channel.", answers[1].GetProperty("data").GetProperty("content").GetString());
        Assert.DoesNotContain(Components(answers[1]), IsPostButton);
        Assert.Contains(Components(answers[1]), c => c.TryGetProperty("custom_id", out var id) && id.GetString()!.StartsWith("cr|s|", StringComparison.Ordinal));

        // Then exactly one follow-up on the click's own token: public, the same page, no Post button.
        var followUp = Assert.Single(run.FollowUps);
        Assert.Equal($"/api/v10/webhooks/{Payloads.ApplicationId}/{JsonDocument.Parse(click).RootElement.GetProperty("token").GetString()}", followUp.Path);
        Assert.False(followUp.Headers.ContainsKey("Authorization"));
        var posted = JsonDocument.Parse(followUp.Body).RootElement;
        Assert.False(posted.TryGetProperty("flags", out _));
        Assert.Equal(0, posted.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.StartsWith("Page 2/", posted.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(Embed(answers[1]).GetRawText(), posted.GetProperty("embeds")[0].GetRawText());
        Assert.DoesNotContain(posted.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()), IsPostButton);
    }

    private static bool IsPostButton(JsonElement component) =>
        component.TryGetProperty("custom_id", out var id) && id.GetString()!.StartsWith("cp|", StringComparison.Ordinal);

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
        var run = await Run(transport, followUps: 0,
            Payloads.CommandBy(Actor.MiraUserInstalled, "person", ("name", "Greg Brockman")),
            Payloads.CommandBy(Actor.MiraUserInstalled, "person", ("name", "Greg Brockman"), ("private", false)),
            Payloads.CommandBy(mayNotPost, "person", ("name", "Greg Brockman"), ("private", false)),
            Payloads.Button("cp|p|greg brockman|0", clicker: mayNotPost, flags: Ephemeral));
        var answers = run.Answers;

        Assert.Equal((4, Ephemeral), (Type(answers[0]), Flags(answers[0])));
        Assert.Equal("Greg Brockman", Embed(answers[0]).GetProperty("title").GetString());
        Assert.Equal((4, 0), (Type(answers[1]), Flags(answers[1])));
        Assert.Equal((4, Ephemeral), (Type(answers[2]), Flags(answers[2])));
        Assert.Equal((4, Ephemeral), (Type(answers[3]), Flags(answers[3])));
        Assert.Contains("cannot be posted here", answers[3].GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(run.FollowUps);
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
