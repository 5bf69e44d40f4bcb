using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Commands;

public class InteractionRouterTests
{
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());

    private static Interaction Parse(string body) => JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!;

    private async Task<InteractionResponse> Dispatch(string body) => (await Answer(body)).Response;

    private Task<InteractionAnswer> Answer(string body) => new InteractionRouter(_search).HandleAsync(Parse(body));

    [Fact]
    public async Task Documented_example_a_person_command_replies_with_type_4()
    {
        var response = await Dispatch(Payloads.Command("person", ("name", "greg")));
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        var message = Assert.IsType<MessagePayload>(response.Data);
        Assert.Empty(message.AllowedMentions!.Parse);
    }

    public static TheoryData<string, bool, bool> EveryMessagePath()
    {
        var data = new TheoryData<string, bool, bool>();
        string[] bodies =
        [
            Payloads.Command("person", ("name", "Greg Brockman")),
            Payloads.Command("person", ("name", "Gxeg")),
            Payloads.Command("person", ("name", "<@646650947174531076> @here")),
            Payloads.Command("section", ("name", "Acknowledgements"), ("private", true)),
            Payloads.Command("role", ("query", "lead")),
            Payloads.Command("role", ("query", "nothing like it")),
            Payloads.Command("about"),
            Payloads.Command("dance"),
            Payloads.Command("person"),
            Payloads.Button("cr|p|" + FakeCreditsSearch.PersonKey("Prolific Person") + "|1"),
            Payloads.Button("cr|q|Greg|0"),
            Payloads.Button("cr|p|person:nobody|0"),
            Payloads.Button("garbage"),
            Payloads.Button("cp|r|lead|0", flags: MessageFlags.Ephemeral),
        ];
        foreach (var body in bodies)
            foreach (var (ready, crash) in new[] { (true, false), (false, false), (true, true) })
                data.Add(body, ready, crash);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMessagePath))]
    public async Task Every_message_the_dispatcher_makes_mentions_nobody(string body, bool ready, bool crash)
    {
        _search.Ready = ready;
        _search.ThrowOnLookup = crash ? new InvalidOperationException("boom") : null;
        var answer = await Answer(body);
        foreach (var message in new[] { Assert.IsType<MessagePayload>(answer.Response.Data) }.Concat(answer.FollowUp is { } f ? [f] : []))
        {
            Assert.NotNull(message.AllowedMentions);
            Assert.Empty(message.AllowedMentions.Parse);
            Replies.ReplyBuilderTests.AssertWithinLimits(message);
        }
    }

    [Fact]
    public async Task Ping_gets_pong() => Assert.Equal(InteractionCallbackType.Pong, (await Dispatch(Payloads.Ping())).Type);

    [Fact]
    public async Task Autocomplete_gets_at_most_25_choices()
    {
        var response = await Dispatch(Payloads.Autocomplete("section", "name", "Workstream"));
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.Equal(25, Assert.IsType<AutocompletePayload>(response.Data).Choices.Count);
    }

    [Fact]
    public async Task Autocomplete_before_the_index_is_ready_is_empty_not_an_error()
    {
        _search.Ready = false;
        var response = await Dispatch(Payloads.Autocomplete("person", "name", "gr"));
        Assert.Empty(Assert.IsType<AutocompletePayload>(response.Data).Choices);
    }

    [Fact]
    public async Task A_button_updates_its_message()
    {
        var response = await Dispatch(Payloads.Button("cr|r|lead|0"));
        Assert.Equal(InteractionCallbackType.UpdateMessage, response.Type);
        Assert.Contains("Infrastructure lead", Assert.IsType<MessagePayload>(response.Data).Embeds![0].Description);
    }

    [Fact]
    public async Task An_unknown_button_gets_a_private_note_not_an_update()
    {
        var response = await Dispatch(Payloads.Button("something-else"));
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, Assert.IsType<MessagePayload>(response.Data).Flags);
    }

    [Fact]
    public async Task Not_ready_commands_and_clicks_answer_privately_to_try_again()
    {
        _search.Ready = false;
        foreach (var body in new[] { Payloads.Command("about"), Payloads.Button("cr|r|lead|0") })
        {
            var message = Assert.IsType<MessagePayload>((await Dispatch(body)).Data);
            Assert.Equal(MessageFlags.Ephemeral, message.Flags);
            Assert.Equal(CreditsCommandHandlers.NotReadyMessage, message.Content);
        }
    }

    [Fact]
    public async Task A_crash_becomes_an_ephemeral_error()
    {
        _search.ThrowOnLookup = new InvalidOperationException("boom");
        var message = Assert.IsType<MessagePayload>((await Dispatch(Payloads.Command("person", ("name", "greg")))).Data);
        Assert.Equal(InteractionRouter.FailureMessage, message.Content);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
    }

    [Fact]
    public void Only_commands_and_clicks_may_be_deferred_and_the_deferral_keeps_privacy()
    {
        Assert.True(InteractionRouter.CanDefer(Parse(Payloads.Command("about"))));
        Assert.True(InteractionRouter.CanDefer(Parse(Payloads.Button("cr|r|x|0"))));
        Assert.False(InteractionRouter.CanDefer(Parse(Payloads.Autocomplete("person", "name", "g"))));
        Assert.False(InteractionRouter.CanDefer(Parse(Payloads.Ping())));

        var open = InteractionRouter.Deferral(Parse(Payloads.Command("about")));
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, open.Type);
        Assert.Null(open.Data);
        var hidden = InteractionRouter.Deferral(Parse(Payloads.Command("about", ("private", true))));
        Assert.Equal(MessageFlags.Ephemeral, Assert.IsType<MessagePayload>(hidden.Data).Flags);
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, InteractionRouter.Deferral(Parse(Payloads.Button("cr|r|x|0"))).Type);
    }

    [Theory]
    [InlineData("owner", 0, InteractionCallbackType.DeferredUpdateMessage, null)]
    [InlineData("other", 0, InteractionCallbackType.DeferredChannelMessageWithSource, MessageFlags.Ephemeral)]
    [InlineData("none", 0, InteractionCallbackType.DeferredChannelMessageWithSource, MessageFlags.Ephemeral)]
    [InlineData("none", MessageFlags.Ephemeral, InteractionCallbackType.DeferredUpdateMessage, null)]
    public void A_slow_click_is_deferred_the_way_it_will_be_answered(string owner, int messageFlags, InteractionCallbackType type, int? flags)
    {
        var clicker = owner == "other" ? Actor.Noor : Actor.Mira;
        var body = Payloads.Button("cr|r|lead|0", clicker, ownerId: owner == "none" ? null : Payloads.MiraId, flags: messageFlags);
        var deferral = InteractionRouter.Deferral(Parse(body));
        Assert.Equal(type, deferral.Type);
        Assert.Equal(flags, (deferral.Data as MessagePayload)?.Flags);
    }

    [Fact]
    public async Task Without_interaction_metadata_the_deprecated_interaction_user_still_names_the_owner()
    {
        var body = Payloads.Button("cr|r|lead|0", Actor.Mira, ownerId: null)
            .Replace("\"components\": []", $"\"components\": [], \"interaction\": {{ \"id\": \"1\", \"type\": 2, \"name\": \"credits person\", \"user\": {{ \"id\": \"{Payloads.MiraId}\" }} }}");
        Assert.Equal(InteractionCallbackType.UpdateMessage, (await Dispatch(body)).Type);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, (await Dispatch(Payloads.Button("cr|r|lead|0", Actor.Mira, ownerId: null))).Type);
    }

    private static readonly string ProlificPost = "cp|p|" + FakeCreditsSearch.PersonKey("Prolific Person") + "|1";

    private static string GermanText(string key)
    {
        using var german = CreditsBot.Discord.Replies.DiscordLocales.Use(System.Globalization.CultureInfo.GetCultureInfo("de"));
        return CreditsBot.Discord.Replies.ReplyText.Get(key);
    }

    private static IEnumerable<MessageComponent> Components(MessagePayload message) => message.Components!.SelectMany(row => row.Components!);

    private static string EmbedJson(MessagePayload message) => JsonSerializer.Serialize(new MessagePayload { Embeds = message.Embeds }, DiscordJsonContext.Default.MessagePayload);

    [Fact]
    public async Task Post_in_channel_updates_the_private_message_without_its_button_and_posts_the_same_page_publicly()
    {
        var answer = await Answer(Payloads.Button(ProlificPost, flags: MessageFlags.Ephemeral));

        Assert.Equal(InteractionCallbackType.UpdateMessage, answer.Response.Type);
        var updated = Assert.IsType<MessagePayload>(answer.Response.Data);
        Assert.Equal("Posted in the channel.", updated.Content);
        Assert.DoesNotContain(Components(updated), c => c.CustomId?.StartsWith("cp|", StringComparison.Ordinal) == true);
        Assert.Contains(Components(updated), c => c.CustomId == "cr|p|prolific person|0"); // the page's own buttons stay

        var posted = Assert.IsType<MessagePayload>(answer.FollowUp);
        Assert.Null(posted.Flags);
        Assert.Null(posted.Content);
        Assert.Empty(posted.AllowedMentions!.Parse);
        Assert.StartsWith("Page 2/", posted.Embeds![0].Footer!.Text);
        Assert.Equal(EmbedJson(updated), EmbedJson(posted));
        Assert.DoesNotContain(Components(posted), c => c.CustomId?.StartsWith("cp|", StringComparison.Ordinal) == true);
        Assert.Contains(Components(posted), c => c.CustomId == "cr|p|prolific person|0");
    }

    [Fact]
    public async Task The_posted_copy_speaks_the_servers_language_and_the_private_note_the_users()
    {
        var answer = await new InteractionRouter(_search).HandleAsync(Parse(Payloads.Button(ProlificPost, new Actor(Locale: "de", GuildLocale: "fr"), flags: MessageFlags.Ephemeral)));

        var updated = Assert.IsType<MessagePayload>(answer.Response.Data);
        Assert.Equal("Im Kanal gepostet.", updated.Content);
        Assert.StartsWith("Seite 2/", updated.Embeds![0].Footer!.Text);
        Assert.Contains(Components(updated), c => c.Label == "Weiter ▶");
        Assert.StartsWith("Page 2/", answer.FollowUp!.Embeds![0].Footer!.Text);
        Assert.Contains(Components(answer.FollowUp), c => c.Label?.StartsWith("Suivant", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_replayed_post_click_posts_again_since_its_custom_id_is_all_the_state()
    {
        // Discord delivers a click only from a message that shows the button, and the first click removed it.
        var body = Payloads.Button(ProlificPost, flags: MessageFlags.Ephemeral);
        var first = await Answer(body);
        var again = await Answer(body);
        Assert.NotNull(first.FollowUp);
        Assert.Equal(EmbedJson(first.FollowUp), EmbedJson(again.FollowUp!));
    }

    [Fact]
    public async Task Where_posting_is_not_allowed_a_post_click_says_so_privately_and_posts_nothing()
    {
        var answer = await Answer(Payloads.Button(ProlificPost, Actor.MiraUserInstalled with { Permissions = "2048" }, flags: MessageFlags.Ephemeral));
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, answer.Response.Type);
        var message = Assert.IsType<MessagePayload>(answer.Response.Data);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Contains("cannot be posted here", message.Content);
        Assert.Null(answer.FollowUp);
    }

    [Fact]
    public async Task A_post_click_on_something_gone_answers_privately_in_the_users_language_and_posts_nothing()
    {
        var answer = await Answer(Payloads.Button("cp|p|person:nobody|0", new Actor(Locale: "de", GuildLocale: "fr"), flags: MessageFlags.Ephemeral));
        var message = Assert.IsType<MessagePayload>(answer.Response.Data);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, answer.Response.Type);
        Assert.Equal(GermanText("PersonGone"), message.Content);
        Assert.Null(answer.FollowUp);
    }

    [Theory]
    [InlineData("2248473465835073", InteractionCallbackType.DeferredUpdateMessage, null)]
    [InlineData("2048", InteractionCallbackType.DeferredChannelMessageWithSource, MessageFlags.Ephemeral)]
    public void A_slow_post_click_is_deferred_as_an_update_where_it_may_post_else_as_a_private_reply(string permissions, InteractionCallbackType type, int? flags)
    {
        var deferral = InteractionRouter.Deferral(Parse(Payloads.Button(ProlificPost, Actor.MiraUserInstalled with { Permissions = permissions }, flags: MessageFlags.Ephemeral)));
        Assert.Equal(type, deferral.Type);
        Assert.Equal(flags, (deferral.Data as MessagePayload)?.Flags);
    }
}
