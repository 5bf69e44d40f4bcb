using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using CreditsBot.Discord.Commands;
using CreditsBot.Discord.Diagnostics;
using CreditsBot.Discord.Tests.Support;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Diagnostics;

public sealed class CreditsBotMetricsTests : IDisposable
{
    private readonly CreditsBotMetrics metrics = new();
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = new();

    public CreditsBotMetricsTests()
    {
        // Only this test's meter: other tests create meters of the same name at the same time.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    public void Dispose()
    {
        listener.Dispose();
        metrics.Dispose();
    }

    [Fact]
    public async Task An_answer_and_a_busy_reply_are_counted_by_command_and_outcome_with_their_latency()
    {
        var keeper = new DeadlineKeeper(new InteractionRouter(new FakeCreditsSearch(TestCatalog.Create())), new NoEdits(), TimeSpan.FromSeconds(2), metrics: metrics);
        var interaction = JsonSerializer.Deserialize(Payloads.Command("person", ("name", "Greg Brockman")), DiscordJsonContext.Default.Interaction)!;

        await keeper.RespondAsync(interaction, (_, _) => Task.CompletedTask, CancellationToken.None);
        await keeper.RejectBusyAsync(interaction, (_, _) => Task.CompletedTask, CancellationToken.None);

        var counted = measurements.Where(m => m.Instrument == "creditsbot.interactions").ToArray();
        Assert.Equal(["answered", "busy"], counted.Select(m => (string)m.Tags["outcome"]!).Order());
        Assert.All(counted, m => Assert.Equal("credits person", m.Tags["command"]));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "creditsbot.interaction.answer.duration" && m.Value >= 0));
    }

    [Fact]
    public async Task A_deferral_says_why()
    {
        var keeper = new DeadlineKeeper(new InteractionRouter(new FakeCreditsSearch(TestCatalog.Create())), new NoEdits(), TimeSpan.FromSeconds(2), metrics: metrics);
        var interaction = JsonSerializer.Deserialize(Payloads.Command("about"), DiscordJsonContext.Default.Interaction)!;
        var longAgo = TimeProvider.System.GetTimestamp() - (10 * System.Diagnostics.Stopwatch.Frequency);

        await keeper.RespondAsync(interaction, (_, _) => Task.CompletedTask, CancellationToken.None, longAgo);

        var deferral = Assert.Single(measurements, m => m.Instrument == "creditsbot.interaction.deferrals");
        Assert.Equal("queued", deferral.Tags["reason"]);
        Assert.Contains(measurements, m => m.Instrument == "creditsbot.interactions" && (string?)m.Tags["outcome"] == "deferred");
    }

    [Fact]
    public void Index_gauges_read_the_served_index_and_report_nothing_before_it()
    {
        IndexFigures? figures = null;
        var indexedAt = DateTimeOffset.UtcNow.AddSeconds(-30);
        metrics.ObserveIndex(() => figures, () => 2, TimeProvider.System);

        listener.RecordObservableInstruments();
        Assert.DoesNotContain(measurements, m => m.Instrument == "creditsbot.index.documents");

        figures = new IndexFigures(Documents: 3, Credits: 120, IndexedAt: indexedAt);
        listener.RecordObservableInstruments();
        Assert.Equal(3, Assert.Single(measurements, m => m.Instrument == "creditsbot.index.documents").Value);
        Assert.Equal(120, Assert.Single(measurements, m => m.Instrument == "creditsbot.index.credits").Value);
        Assert.InRange(Assert.Single(measurements, m => m.Instrument == "creditsbot.index.age").Value, 29, 300);
        Assert.All(measurements.Where(m => m.Instrument == "creditsbot.index.import_errors"), m => Assert.Equal(2, m.Value));
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }

    private sealed class NoEdits : IInteractionWebhook
    {
        public Task EditOriginalAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task CreateFollowUpAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
