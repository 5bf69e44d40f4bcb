using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Spaces out fresh sessions for every shard of this process: one IDENTIFY per bucket
/// (<c>shard_id % max_concurrency</c>) per window, and none once the daily budget
/// (<c>session_start_limit.remaining</c>) is spent — then we wait for <c>reset_after</c>, because going over
/// gets the bot token reset. RESUME does not count and never passes through here.
/// </summary>
internal sealed class IdentifyGate
{
    private readonly SemaphoreSlim[] buckets;
    private readonly long[] lastIdentify;
    private readonly TimeSpan window;
    private readonly Func<CancellationToken, Task<SessionStartLimit>>? refresh;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim budgetLock = new(1, 1);
    private int total;
    private int remaining;
    private long resetAt;

    public IdentifyGate(
        SessionStartLimit limit,
        TimeSpan window,
        Func<CancellationToken, Task<SessionStartLimit>>? refresh,
        ILogger logger,
        TimeProvider? time = null)
    {
        this.time = time ?? TimeProvider.System;
        MaxConcurrency = Math.Max(1, limit.MaxConcurrency);
        buckets = Enumerable.Range(0, MaxConcurrency).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        lastIdentify = new long[MaxConcurrency];
        Array.Fill(lastIdentify, long.MinValue);
        this.window = window;
        this.refresh = refresh;
        this.logger = logger;
        Apply(limit);
    }

    public int MaxConcurrency { get; }

    /// <summary>
    /// Waits until this shard may identify. Dispose the lease right after sending IDENTIFY (or on failure): the
    /// window of the bucket starts then.
    /// </summary>
    public async Task<IDisposable> AcquireAsync(int shardId, CancellationToken cancellationToken)
    {
        var bucket = shardId % MaxConcurrency;
        await buckets[bucket].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (lastIdentify[bucket] != long.MinValue)
            {
                var wait = window - time.GetElapsedTime(lastIdentify[bucket]);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }

            await TakeFromDailyBudgetAsync(shardId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            buckets[bucket].Release();
            throw;
        }

        return new Lease(this, bucket);
    }

    private async Task TakeFromDailyBudgetAsync(int shardId, CancellationToken cancellationToken)
    {
        await budgetLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (remaining <= 0 && refresh is not null)
            {
                try
                {
                    Apply(await refresh(cancellationToken).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Could not refresh the identify budget from GET /gateway/bot: {Error}", ex.Message);
                }
            }

            if (remaining <= 0)
            {
                var wait = time.GetElapsedTime(time.GetTimestamp(), resetAt);
                if (wait < TimeSpan.Zero)
                {
                    wait = TimeSpan.Zero;
                }

                logger.LogWarning(
                    "Shard {ShardId}: the daily identify budget ({Total}) is spent; waiting {Wait} for Discord to refill it "
                    + "rather than risk a token reset",
                    shardId,
                    total,
                    wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                remaining = total;
            }

            remaining--;
        }
        finally
        {
            budgetLock.Release();
        }
    }

    private void Apply(SessionStartLimit limit)
    {
        total = Math.Max(1, limit.Total);
        remaining = limit.Remaining;
        resetAt = time.GetTimestamp() + (long)(limit.ResetAfter.TotalSeconds * time.TimestampFrequency);
    }

    private void Release(int bucket)
    {
        lastIdentify[bucket] = time.GetTimestamp();
        buckets[bucket].Release();
    }

    private sealed class Lease(IdentifyGate gate, int bucket) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release(bucket);
            }
        }
    }
}
