using System.Collections.Concurrent;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Commands;

public class DeadlineKeeperTests
{
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());
    private readonly RecordingEditor _editor = new();

    private static Interaction Parse(string body) => JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction)!;

    private DeadlineKeeper Keeper(TimeSpan deferAfter) => new(new InteractionRouter(_search), _editor, deferAfter);

    [Fact]
    public async Task A_fast_answer_is_returned_directly()
    {
        var response = await Keeper(TimeSpan.FromSeconds(2)).RespondAsync(Parse(Payloads.Command("person", ("name", "Greg Brockman"))), CancellationToken.None);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Empty(_editor.Edits);
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_sent_as_an_edit_of_the_original()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var interaction = Parse(Payloads.Command("person", ("name", "Greg Brockman"), ("private", true)));

        var response = await Keeper(TimeSpan.FromMilliseconds(50)).RespondAsync(interaction, CancellationToken.None);
        Assert.Empty(_editor.Edits);
        gate.Set();

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, response.Type);
        Assert.Equal(MessageFlags.Ephemeral, Assert.IsType<MessagePayload>(response.Data).Flags);
        var edit = await _editor.NextAsync();
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
        Assert.Contains("Infrastructure lead", (await _editor.NextAsync()).Message.Embeds![0].Description);
    }

    [Fact]
    public async Task Autocomplete_is_never_deferred_even_when_slow()
    {
        _search.LookupDelay = TimeSpan.FromMilliseconds(150);
        var response = await Keeper(TimeSpan.FromMilliseconds(10)).RespondAsync(Parse(Payloads.Autocomplete("person", "name", "gr")), CancellationToken.None);
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.Empty(_editor.Edits);
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
        Assert.Empty(_editor.Edits);

        deferralSent.SetResult();
        await responding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Greg Brockman", (await _editor.NextAsync()).Message.Embeds![0].Title);
    }

    [Fact]
    public async Task An_interaction_that_waited_its_budget_before_starting_is_deferred_at_once()
    {
        using var gate = new ManualResetEventSlim(false);
        _search.Gate = gate;
        var initial = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Received 5 s ago (it waited in a queue); the budget of 30 s is far away if measured from now.
        var receivedAt = TimeProvider.System.GetTimestamp() - (5 * System.Diagnostics.Stopwatch.Frequency);

        var responding = Keeper(TimeSpan.FromMilliseconds(2000)).RespondAsync(
            Parse(Payloads.Command("person", ("name", "Greg Brockman"))),
            (response, _) => { initial.SetResult(response); return Task.CompletedTask; },
            CancellationToken.None,
            receivedAt);

        // The lookup is still blocked: only a deferral sent without waiting for it can arrive now.
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await initial.Task.WaitAsync(TimeSpan.FromSeconds(10))).Type);
        Assert.Empty(_editor.Edits);
        gate.Set();
        await responding.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Greg Brockman", (await _editor.NextAsync()).Message.Embeds![0].Title);
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

    private sealed record Edit(string ApplicationId, string Token, MessagePayload Message);

    private sealed class RecordingEditor : IOriginalResponseEditor
    {
        private readonly TaskCompletionSource<Edit> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<Edit> Edits { get; } = new();

        public Task EditOriginalAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
        {
            var edit = new Edit(applicationId, interactionToken, message);
            Edits.Enqueue(edit);
            _first.TrySetResult(edit);
            return Task.CompletedTask;
        }

        public Task<Edit> NextAsync() => _first.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
