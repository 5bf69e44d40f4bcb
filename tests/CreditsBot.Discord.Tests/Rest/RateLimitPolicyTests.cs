using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Rest;

public class RateLimitPolicyTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private static readonly RestRoute Commands = RestRoute.BulkOverwriteGlobalCommands("1");
    private static readonly RestRoute OtherAppCommands = RestRoute.BulkOverwriteGlobalCommands("2");
    private static readonly RestRoute Callback = RestRoute.CreateInteractionResponse("10", "token");
    private static readonly RestRoute Edit = RestRoute.EditOriginal("1", "token");

    [Fact]
    public void An_unknown_route_goes_at_once() => Assert.Equal(TimeSpan.Zero, new RateLimitPolicy(_clock).TryAcquire(Commands));

    [Fact]
    public void An_exhausted_bucket_waits_until_its_reset_then_goes()
    {
        var policy = new RateLimitPolicy(_clock);
        policy.Observe(Commands, "abc", remaining: 0, resetAfter: TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.TryAcquire(Commands));
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal(TimeSpan.FromSeconds(0.5), policy.TryAcquire(Commands));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(Commands));
    }

    [Fact]
    public void Remaining_slots_are_reserved_so_concurrent_callers_cannot_overshoot()
    {
        var policy = new RateLimitPolicy(_clock);
        policy.Observe(Commands, "abc", remaining: 2, resetAfter: TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(Commands));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(Commands));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.TryAcquire(Commands));
    }

    [Fact]
    public void Buckets_are_per_major_id()
    {
        var policy = new RateLimitPolicy(_clock);
        policy.Observe(Commands, "shared-hash", remaining: 0, resetAfter: TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(OtherAppCommands));
    }

    [Fact]
    public void A_bucket_429_pauses_only_that_bucket()
    {
        var policy = new RateLimitPolicy(_clock);
        policy.OnRateLimited(Commands, TimeSpan.FromSeconds(3), global: false);
        Assert.Equal(TimeSpan.FromSeconds(3), policy.TryAcquire(Commands));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(RestRoute.GetGatewayBot()));
    }

    [Fact]
    public void A_global_429_pauses_ordinary_routes_but_never_interaction_callbacks_or_edits()
    {
        var policy = new RateLimitPolicy(_clock);
        policy.OnRateLimited(Commands, TimeSpan.FromSeconds(4), global: true);
        Assert.Equal(TimeSpan.FromSeconds(4), policy.TryAcquire(RestRoute.GetGatewayBot()));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(Callback));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(Edit));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(RestRoute.GetGatewayBot()));
    }

    [Fact]
    public void At_most_50_ordinary_requests_a_second_while_interactions_are_not_counted()
    {
        var policy = new RateLimitPolicy(_clock);
        for (var i = 0; i < 50; i++)
            Assert.Equal(TimeSpan.Zero, policy.TryAcquire(RestRoute.GetGatewayBot()));
        Assert.True(policy.TryAcquire(RestRoute.GetGatewayBot()) > TimeSpan.Zero);
        for (var i = 0; i < 200; i++)
            Assert.Equal(TimeSpan.Zero, policy.TryAcquire(RestRoute.EditOriginal("1", "t" + i)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(RestRoute.GetGatewayBot()));
    }

    [Fact]
    public void Interaction_routes_still_respect_their_own_bucket()
    {
        var policy = new RateLimitPolicy(_clock);
        policy.Observe(Edit, "webhook", remaining: 0, resetAfter: TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.TryAcquire(Edit));
    }

    [Fact]
    public void Route_templates_never_carry_the_interaction_token()
    {
        var route = RestRoute.EditOriginal("1", "secret-token");
        Assert.DoesNotContain("secret-token", route.RouteKey);
        Assert.DoesNotContain("secret-token", route.ToString());
        Assert.Contains("secret-token", route.Path);
    }

    [Fact]
    public void A_wall_clock_step_back_does_not_stretch_a_wait()
    {
        var clock = new SteppingClock();
        var policy = new RateLimitPolicy(clock);
        policy.OnRateLimited(Edit, TimeSpan.FromMilliseconds(150), global: false);

        clock.WallClock -= TimeSpan.FromSeconds(2); // NTP steps the wall clock back; elapsed time does not move
        Assert.Equal(TimeSpan.FromMilliseconds(150), policy.TryAcquire(Edit));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(TimeSpan.Zero, policy.TryAcquire(Edit));
    }

    /// <summary>A wall clock that can be stepped apart from the monotonic timestamp.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long ticks;

        public DateTimeOffset WallClock { get; set; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => WallClock;

        public override long GetTimestamp() => ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public void Advance(TimeSpan by)
        {
            ticks += by.Ticks;
            WallClock += by;
        }
    }
}
