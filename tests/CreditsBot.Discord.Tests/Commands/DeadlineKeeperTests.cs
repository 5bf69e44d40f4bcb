using System.Collections.Concurrent;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Commands;

public class DeadlineKeeperTests
{
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());
    private readonly RecordingWebhook _webhook = new();

    private static Interaction Parse(string body) => JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!;

    private DeadlineKeeper Keeper(TimeSpan deferAfter) => new(new InteractionRouter(_search), _webhook, deferAfter);

    [Fact]
    public async Task A_fast_answer_is_returned_directly()
    {
        var response = await Keeper(TimeSpan.FromSeconds(2)).RespondAsync(Parse(Payloads.Command("person", ("name", "Greg Brockman"))), CancellationToken.None);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Empty(_webhook.Edits);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_sent_as_an_edit_of_the_original()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var interaction = Parse(Payloads.Command("person", ("name", "Greg Brockman"), ("private", true)));

        var response = await Keeper(TimeSpan.FromMilliseconds(50)).RespondAsync(interaction, CancellationToken.None);
        Assert.Empty(_webhook.Edits);
        gate.Set();

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, Assert.IsType<MessagePayload>(response.Data).Flags);
        var edit = await _webhook.NextAsync();
        Assert.Equal(interaction.ApplicationId, edit.ApplicationId);
        Assert.Equal(interaction.Token, edit.Token);
        Assert.Equal("Greg Brockman", edit.Message.Embeds![0].Title);
        Assert.Empty(edit.Message.AllowedMentions!.Parse);
        Assert.Null(edit.Message.Flags);
    }

    [Fact]
    public async Task A_slow_click_is_acknowledged_with_type_6_then_edited()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var response = await Keeper(TimeSpan.FromMilliseconds(50)).RespondAsync(Parse(Payloads.Button("cr|r|lead|0")), CancellationToken.None);
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, response.Type);
        gate.Set();
        Assert.Contains("Infrastructure lead", (await _webhook.NextAsync()).Message.Embeds![0].Description);
    }

    [Fact]
    public async Task Autocomplete_is_never_deferred_even_when_slow()
    {
        _search.LookupDelay = TimeSpan.FromMilliseconds(150);
        var response = await Keeper(TimeSpan.FromMilliseconds(10)).RespondAsync(Parse(Payloads.Autocomplete("person", "name", "gr")), CancellationToken.None);
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.Empty(_webhook.Edits);
    }

    [Fact]
    public async Task The_edit_waits_until_the_deferral_has_been_sent()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var deferralSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var initial = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);

        var responding = Keeper(TimeSpan.FromMilliseconds(50)).RespondAsync(
            Parse(Payloads.Command("person", ("name", "Greg Brockman"))),
            async (response, _) => { initial.SetResult(response); await deferralSent.Task; },
            CancellationToken.None);

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await initial.Task.WaitAsync(TimeSpan.FromSeconds(5))).Type);
        gate.Set();
        await Task.Delay(100); // the answer is ready now, but the deferral is still being sent
        Assert.Empty(_webhook.Edits);

        deferralSent.SetResult();
        await responding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Greg Brockman", (await _webhook.NextAsync()).Message.Embeds![0].Title);
    }

    [Fact]
    public async Task An_interaction_that_waited_its_budget_before_starting_is_deferred_at_once()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var initial = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Received 35 s ago (it waited in a queue): its 30 s budget is spent, though it would be far away measured from now.
        var receivedAt = TimeProvider.System.GetTimestamp() - (35 * System.Diagnostics.Stopwatch.Frequency);

        var responding = Keeper(TimeSpan.FromSeconds(30)).RespondAsync(
            Parse(Payloads.Command("person", ("name", "Greg Brockman"))),
            (response, _) => { initial.SetResult(response); return Task.CompletedTask; },
            CancellationToken.None,
            receivedAt);

        // The lookup is still blocked: only a deferral sent without waiting for it can arrive now.
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await initial.Task.WaitAsync(TimeSpan.FromSeconds(10))).Type);
        Assert.Empty(_webhook.Edits);
        gate.Set();
        await responding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Greg Brockman", (await _webhook.NextAsync()).Message.Embeds![0].Title);
    }

    [Fact]
    public async Task The_defer_timer_counts_from_receipt_not_from_the_start_of_the_work()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var initial = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        // 18 of the 20 seconds are gone: the deferral is due in 2 s, not in 20.
        var receivedAt = TimeProvider.System.GetTimestamp() - (18 * System.Diagnostics.Stopwatch.Frequency);

        _ = Keeper(TimeSpan.FromSeconds(20)).RespondAsync(
            Parse(Payloads.Command("person", ("name", "Greg Brockman"))),
            (response, _) => { initial.TrySetResult(response); return Task.CompletedTask; },
            CancellationToken.None,
            receivedAt);

        var first = await initial.Task.WaitAsync(TimeSpan.FromSeconds(12));
        gate.Set();
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, first.Type);
    }

    [Theory]
    [InlineData("command", InteractionCallbackType.ChannelMessageWithSource)]
    [InlineData("button", InteractionCallbackType.ChannelMessageWithSource)]
    [InlineData("autocomplete", InteractionCallbackType.ApplicationCommandAutocompleteResult)]
    public async Task Busy_answers_at_once_privately_without_running_the_command(string kind, InteractionCallbackType expected)
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate; // a lookup would block: the busy answer must not make one
        var interaction = Parse(kind switch
        {
            "command" => Payloads.Command("person", ("name", "Greg Brockman")),
            "button" => Payloads.Button("cr|r|lead|0"),
            _ => Payloads.Autocomplete("person", "name", "gr"),
        });
        InteractionResponse? sent = null;

        await Keeper(TimeSpan.FromSeconds(2)).RejectBusyAsync(interaction, (r, _) => { sent = r; return Task.CompletedTask; }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(expected, sent!.Type);
        if (kind == "autocomplete")
        {
            Assert.Empty(Assert.IsType<AutocompletePayload>(sent.Data).Choices);
            return;
        }

        var message = Assert.IsType<MessagePayload>(sent.Data);
        Assert.Equal(MessageFlags.Ephemeral, message.Flags);
        Assert.Equal(DeadlineKeeper.BusyMessage, message.Content ?? message.Embeds?[0].Description);
    }

    [Fact]
    public async Task A_post_click_is_answered_first_and_its_one_public_follow_up_sent_after()
    {
        var order = new ConcurrentQueue<string>();
        _webhook.Order = order;
        var interaction = Parse(Payloads.Button("cp|r|lead|0", flags: MessageFlags.Ephemeral));

        await Keeper(TimeSpan.FromSeconds(2)).RespondAsync(interaction, (response, _) =>
        {
            order.Enqueue($"response {(int)response.Type}");
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(["response 7", "follow-up"], order);
        var followUp = Assert.Single(_webhook.FollowUps);
        Assert.Equal((interaction.ApplicationId, interaction.Token), (followUp.ApplicationId, followUp.Token));
        Assert.Null(followUp.Message.Flags);
        Assert.Contains("Infrastructure lead", followUp.Message.Embeds![0].Description);
        Assert.Empty(_webhook.Edits);
    }

    [Fact]
    public async Task A_slow_post_click_is_acknowledged_with_type_6_edited_then_followed_up()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var order = new ConcurrentQueue<string>();
        _webhook.Order = order;

        var response = await Keeper(TimeSpan.FromMilliseconds(50)).RespondAsync(Parse(Payloads.Button("cp|r|lead|0", flags: MessageFlags.Ephemeral)), CancellationToken.None);
        Assert.Equal(InteractionCallbackType.DeferredUpdateMessage, response.Type);
        gate.Set();

        var followUp = await _webhook.NextFollowUpAsync();
        Assert.Equal(["edit", "follow-up"], order);
        var edit = Assert.Single(_webhook.Edits);
        Assert.Equal("Posted in the channel.", edit.Message.Content);
        Assert.DoesNotContain(edit.Message.Components!.SelectMany(row => row.Components!), c => c.CustomId?.StartsWith("cp|", StringComparison.Ordinal) == true);
        Assert.Equal(edit.Message.Embeds![0].Description, followUp.Message.Embeds![0].Description);
    }

    [Fact]
    public async Task A_failing_follow_up_is_logged_by_interaction_id_without_the_token_and_goes_no_further()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        _webhook.FailFollowUps = true;
        var interaction = Parse(Payloads.Button("cp|r|lead|0", flags: MessageFlags.Ephemeral));
        InteractionResponse? sent = null;

        await new DeadlineKeeper(new InteractionRouter(_search), _webhook, TimeSpan.FromSeconds(2), factory.CreateLogger<DeadlineKeeper>())
            .RespondAsync(interaction, (r, _) => { sent = r; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(InteractionCallbackType.UpdateMessage, sent!.Type);
        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(interaction.Id, warning.Text);
        Assert.DoesNotContain(interaction.Token, logs.AllText);
    }

    private sealed record WebhookCall(string ApplicationId, string Token, MessagePayload Message);

    /// <summary>The interaction webhook, recorded: edits of @original and follow-ups (which fail on demand).</summary>
    private sealed class RecordingWebhook : IInteractionWebhook
    {
        private readonly TaskCompletionSource<WebhookCall> _firstEdit = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<WebhookCall> _firstFollowUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<WebhookCall> Edits { get; } = new();
        public ConcurrentQueue<WebhookCall> FollowUps { get; } = new();

        /// <summary>Where calls note their kind, to check their order against the initial response.</summary>
        public ConcurrentQueue<string>? Order { get; set; }

        public bool FailFollowUps { get; set; }

        public Task EditOriginalAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
        {
            var edit = new WebhookCall(applicationId, interactionToken, message);
            Order?.Enqueue("edit");
            Edits.Enqueue(edit);
            _firstEdit.TrySetResult(edit);
            return Task.CompletedTask;
        }

        public Task CreateFollowUpAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
        {
            if (FailFollowUps)
                throw new HttpRequestException("refused by the test");
            var followUp = new WebhookCall(applicationId, interactionToken, message);
            Order?.Enqueue("follow-up");
            FollowUps.Enqueue(followUp);
            _firstFollowUp.TrySetResult(followUp);
            return Task.CompletedTask;
        }

        public Task<WebhookCall> NextAsync() => _firstEdit.Task.WaitAsync(TimeSpan.FromSeconds(5));

        public Task<WebhookCall> NextFollowUpAsync() => _firstFollowUp.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
