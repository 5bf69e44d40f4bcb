using System.Diagnostics;
using CreditsBot.Discord.Gateway;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class IdentifyGateTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    private static SessionStartLimit Limit(int remaining = 1000, int maxConcurrency = 1, int resetAfterMs = 3_600_000) =>
        new(1000, remaining, TimeSpan.FromMilliseconds(resetAfterMs), maxConcurrency);

    [Fact]
    public async Task SameBucket_SecondIdentifyWaitsForTheWindow_CountedFromTheFirstLeaseRelease()
    {
        var gate = new IdentifyGate(Limit(maxConcurrency: 2), Window, refresh: null, NullLogger.Instance);

        (await gate.AcquireAsync(shardId: 0, CancellationToken.None)).Dispose();
        var started = Stopwatch.GetTimestamp();
        (await gate.AcquireAsync(shardId: 2, CancellationToken.None)).Dispose(); // 2 % 2 == 0: same bucket

        Assert.True(Stopwatch.GetElapsedTime(started) >= Window - TimeSpan.FromMilliseconds(15));
    }

    [Fact]
    public async Task OtherBucket_DoesNotWait()
    {
        var gate = new IdentifyGate(Limit(maxConcurrency: 2), TimeSpan.FromSeconds(30), refresh: null, NullLogger.Instance);

        (await gate.AcquireAsync(shardId: 0, CancellationToken.None)).Dispose();
        var second = gate.AcquireAsync(shardId: 1, CancellationToken.None);

        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task SameBucket_IsHeldWhileALeaseIsOut()
    {
        var gate = new IdentifyGate(Limit(), TimeSpan.Zero, refresh: null, NullLogger.Instance);
        var first = await gate.AcquireAsync(0, CancellationToken.None);

        var second = gate.AcquireAsync(1, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task DailyBudgetSpent_WaitsForResetAfter_InsteadOfIdentifying()
    {
        var refreshes = 0;
        var gate = new IdentifyGate(
            Limit(remaining: 1, resetAfterMs: 300),
            TimeSpan.Zero,
            refresh: _ =>
            {
                refreshes++;
                return Task.FromResult(Limit(remaining: 0, resetAfterMs: 300));
            },
            NullLogger.Instance);

        var started = Stopwatch.GetTimestamp();
        (await gate.AcquireAsync(0, CancellationToken.None)).Dispose();
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromMilliseconds(200), "the budget had one identify left");

        (await gate.AcquireAsync(0, CancellationToken.None)).Dispose();

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(280), "identified with no budget left");
        Assert.Equal(1, refreshes); // asked Discord once before settling in to wait
    }

    [Fact]
    public async Task DailyBudgetSpent_ButRefreshedByDiscord_GoesOn()
    {
        var gate = new IdentifyGate(
            Limit(remaining: 0, resetAfterMs: 60_000),
            TimeSpan.Zero,
            refresh: _ => Task.FromResult(Limit(remaining: 999)),
            NullLogger.Instance);

        (await gate.AcquireAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Waiting_IsCancelledByShutdown()
    {
        var gate = new IdentifyGate(Limit(remaining: 0, resetAfterMs: 60_000), TimeSpan.Zero, refresh: null, NullLogger.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.AcquireAsync(0, stop.Token));
    }
}
