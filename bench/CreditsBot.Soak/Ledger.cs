using System.Collections.Concurrent;
using System.Diagnostics;

namespace CreditsBot.Soak;

/// <summary>Every interaction the fake Discord sent, and every initial answer and edit the bot sent back.</summary>
internal sealed class Ledger
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, Entry> entries = new();

    public void Sent(string id, string transport) => entries.TryAdd(id, new Entry(transport, Stopwatch.GetTimestamp()));

    /// <summary>An initial response Discord accepted (callback 2xx, or the HTTP response body).</summary>
    public void Answered(string id, int callbackType, bool busy)
    {
        if (!entries.TryGetValue(id, out var entry))
        {
            return;
        }

        lock (entry)
        {
            entry.Answers.Add((Stopwatch.GetTimestamp(), callbackType, busy));
        }
    }

    public void Edited(string id)
    {
        if (entries.TryGetValue(id, out var entry))
        {
            Interlocked.Increment(ref entry.Edits);
        }
    }

    public int Count => entries.Count;

    public Figures Summarize()
    {
        var all = entries.Values.ToArray();
        var firsts = all.Where(e => e.Answers.Count > 0)
            .Select(e => Stopwatch.GetElapsedTime(e.SentAt, e.Answers.Min(a => a.At)))
            .Order()
            .ToArray();
        var deferred = all.Where(e => e.Answers.Any(a => a.Type is 5 or 6)).ToArray();
        return new Figures(
            Sent: all.Length,
            ByTransport: all.GroupBy(e => e.Transport).ToDictionary(g => g.Key, g => g.Count()),
            ExactlyOnce: all.Count(e => e.Answers.Count == 1),
            Lost: all.Count(e => e.Answers.Count == 0),
            Doubled: all.Count(e => e.Answers.Count > 1),
            Late: firsts.Count(t => t > Deadline),
            Busy: all.Count(e => e.Answers.Any(a => a.Busy)),
            Deferred: deferred.Length,
            DeferredWithoutEdit: deferred.Count(e => e.Edits == 0),
            P50: Percentile(firsts, 0.50),
            P99: Percentile(firsts, 0.99),
            Max: firsts.Length > 0 ? firsts[^1] : TimeSpan.Zero,
            Unanswered: entries.Where(e => e.Value.Answers.Count == 0)
                .Select(e => $"{e.Key} ({e.Value.Transport}, sent at {TimeSpan.FromSeconds((double)e.Value.SentAt / Stopwatch.Frequency):hh\\:mm\\:ss\\.fff} uptime)")
                .ToArray());
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class Entry(string transport, long sentAt)
    {
        public string Transport { get; } = transport;

        public long SentAt { get; } = sentAt;

        public List<(long At, int Type, bool Busy)> Answers { get; } = [];

        public int Edits;
    }
}

internal sealed record Figures(
    int Sent,
    Dictionary<string, int> ByTransport,
    int ExactlyOnce,
    int Lost,
    int Doubled,
    int Late,
    int Busy,
    int Deferred,
    int DeferredWithoutEdit,
    TimeSpan P50,
    TimeSpan P99,
    TimeSpan Max,
    string[] Unanswered);
