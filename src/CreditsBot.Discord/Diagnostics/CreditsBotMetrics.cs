using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CreditsBot.Discord.Diagnostics;

/// <summary>
/// The bot's instruments (meter <see cref="MeterName"/>), exported for Prometheus at <c>/metrics</c> when
/// <c>Metrics:Enabled</c> is set. Tags are small closed sets (commands, outcomes, reasons, route templates), never
/// user text or tokens. Every component takes it as optional, so code without a host records nothing.
/// </summary>
public sealed class CreditsBotMetrics : IDisposable
{
    public const string MeterName = "CreditsBot";

    private readonly Meter meter;
    private readonly Counter<long> interactions;
    private readonly Histogram<double> answerSeconds;
    private readonly Counter<long> deferrals;
    private readonly Counter<long> reconnects;
    private readonly Counter<long> resumes;
    private readonly Counter<long> restCalls;
    private readonly Counter<long> restRateLimits;

    public CreditsBotMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        interactions = meter.CreateCounter<long>("creditsbot.interactions", "{interaction}", "Interactions answered, by command and outcome.");
        answerSeconds = meter.CreateHistogram<double>(
            "creditsbot.interaction.answer.duration",
            "s",
            "From receiving an interaction to its initial response being accepted by Discord (or returned over HTTP).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5] });
        deferrals = meter.CreateCounter<long>("creditsbot.interaction.deferrals", "{interaction}", "Interactions answered with a deferral first, by reason.");
        reconnects = meter.CreateCounter<long>("creditsbot.gateway.reconnects", "{reconnect}", "Gateway sockets that ended and were replaced, by reason.");
        resumes = meter.CreateCounter<long>("creditsbot.gateway.resumes", "{resume}", "Gateway RESUME attempts, by result.");
        restCalls = meter.CreateCounter<long>("creditsbot.rest.calls", "{call}", "REST calls to Discord, by route template and status code.");
        restRateLimits = meter.CreateCounter<long>("creditsbot.rest.rate_limited", "{response}", "429 answers from Discord, by route template and scope.");
    }

    /// <param name="command">The slash command (or "autocomplete", "component", "ping").</param>
    /// <param name="outcome">answered, deferred, busy, failed or expired.</param>
    public void Interaction(string command, string outcome, TimeSpan sinceReceived)
    {
        var tags = new TagList { { "command", command }, { "outcome", outcome } };
        interactions.Add(1, tags);
        answerSeconds.Record(sinceReceived.TotalSeconds, tags);
    }

    /// <param name="reason">"timer" (the answer was slow) or "queued" (it waited too long to start).</param>
    public void Deferred(string reason) => deferrals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Reconnect(string reason) => reconnects.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <param name="result">attempted, resumed or rejected.</param>
    public void Resume(string result) => resumes.Add(1, new KeyValuePair<string, object?>("result", result));

    public void RestCall(string route, int status) =>
        restCalls.Add(1, new TagList { { "route", route }, { "status", status } });

    public void RestRateLimited(string route, bool global) =>
        restRateLimits.Add(1, new TagList { { "route", route }, { "scope", global ? "global" : "bucket" } });

    /// <summary>Gauges read on each scrape; <paramref name="observe"/> returns null before the first index.</summary>
    public void ObserveIndex(Func<IndexFigures?> observe, Func<long> importErrors, TimeProvider time)
    {
        meter.CreateObservableGauge("creditsbot.index.documents", () => Read(observe, f => f.Documents), "{document}", "Documents in the served index.");
        meter.CreateObservableGauge("creditsbot.index.credits", () => Read(observe, f => f.Credits), "{credit}", "Credits in the served index.");
        meter.CreateObservableGauge(
            "creditsbot.index.age",
            () => Read(observe, f => (time.GetUtcNow() - f.IndexedAt).TotalSeconds),
            "s",
            "Time since the served index was built.");
        meter.CreateObservableCounter("creditsbot.index.import_errors", importErrors, "{error}", "Index refreshes that failed since the start.");
    }

    /// <summary>The meter itself, for tests that listen to this instance only.</summary>
    internal Meter Meter => meter;

    public void Dispose() => meter.Dispose();

    private static IEnumerable<Measurement<T>> Read<T>(Func<IndexFigures?> observe, Func<IndexFigures, T> pick)
        where T : struct =>
        observe() is { } figures ? [new Measurement<T>(pick(figures))] : [];
}

/// <summary>What the index gauges show of the index being served.</summary>
public sealed record IndexFigures(int Documents, int Credits, DateTimeOffset IndexedAt);
