namespace CreditsBot.Discord.Rest;

/// <summary>
/// Discord's REST rate limits as a pure policy: it is told what the responses said and answers how long a
/// request must wait. Buckets come from <c>X-RateLimit-Bucket</c> plus the route's major id; the global limit
/// (50 requests/s, or a global 429) holds back ordinary routes but never interaction callbacks, edits of the original response or follow-ups.
/// Times are kept on the provider's monotonic timestamp, so a wall-clock step (NTP) never stretches a wait.
/// </summary>
public sealed class RateLimitPolicy(TimeProvider? timeProvider = null, int globalPerSecond = 50)
{
    private const int PruneAbove = 5_000;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly long _origin = (timeProvider ?? TimeProvider.System).GetTimestamp();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private TimeSpan _globalPausedUntil = TimeSpan.Zero;
    private TimeSpan _windowStart = TimeSpan.FromSeconds(-1); // the first request opens a window
    private int _windowCount;

    private sealed class BucketState
    {
        public int? Remaining;
        public TimeSpan ResetAt;
    }

    /// <summary>
    /// Takes a slot for <paramref name="route"/> if one is free now (returns <see cref="TimeSpan.Zero"/>),
    /// or says how long to wait before asking again.
    /// </summary>
    public TimeSpan TryAcquire(RestRoute route)
    {
        lock (_gate)
        {
            var now = Now();
            if (!route.IsInteraction)
            {
                if (_globalPausedUntil > now)
                    return _globalPausedUntil - now;
                if (now - _windowStart >= TimeSpan.FromSeconds(1))
                {
                    _windowStart = now;
                    _windowCount = 0;
                }
                if (_windowCount >= globalPerSecond)
                    return _windowStart + TimeSpan.FromSeconds(1) - now;
            }

            if (_buckets.TryGetValue(StateKey(route), out var bucket) && bucket.Remaining is { } remaining)
            {
                if (bucket.ResetAt <= now)
                    bucket.Remaining = null; // window over: unknown again until the next response says
                else if (remaining <= 0)
                    return bucket.ResetAt - now;
                else
                    bucket.Remaining = remaining - 1; // reserve, so concurrent callers cannot overshoot
            }

            if (!route.IsInteraction)
                _windowCount++;
            return TimeSpan.Zero;
        }
    }

    /// <summary>Learns from a response's <c>X-RateLimit-*</c> headers.</summary>
    public void Observe(RestRoute route, string? bucket, int? remaining, TimeSpan? resetAfter)
    {
        lock (_gate)
        {
            if (!string.IsNullOrEmpty(bucket))
                _bucketOfRoute[route.RouteKey] = bucket;
            if (remaining is null || resetAfter is null)
                return;
            var state = State(route);
            state.Remaining = remaining;
            state.ResetAt = Now() + resetAfter.Value;
            Prune();
        }
    }

    /// <summary>A 429: pauses the bucket, or every non-interaction route when Discord says the limit is global.</summary>
    public void OnRateLimited(RestRoute route, TimeSpan retryAfter, bool global)
    {
        lock (_gate)
        {
            var until = Now() + retryAfter;
            if (global)
            {
                if (until > _globalPausedUntil)
                    _globalPausedUntil = until;
                return;
            }
            var state = State(route);
            state.Remaining = 0;
            if (until > state.ResetAt)
                state.ResetAt = until;
        }
    }

    /// <summary>Time since this policy was made, on the monotonic clock.</summary>
    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private BucketState State(RestRoute route)
    {
        var key = StateKey(route);
        if (!_buckets.TryGetValue(key, out var state))
            _buckets[key] = state = new BucketState();
        return state;
    }

    // Discord's bucket ids leave out the top-level resource, so the major id is added back.
    private string StateKey(RestRoute route) =>
        (_bucketOfRoute.TryGetValue(route.RouteKey, out var bucket) ? bucket : route.RouteKey) + "|" + route.MajorId;

    // Interaction tokens make a new major id per interaction: forget buckets whose window is over.
    private void Prune()
    {
        if (_buckets.Count <= PruneAbove)
            return;
        var now = Now();
        foreach (var key in _buckets.Where(kv => kv.Value.ResetAt <= now).Select(kv => kv.Key).ToList())
            _buckets.Remove(key);
    }
}
