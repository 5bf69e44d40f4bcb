using CreditsBot.Core.Search;
using CreditsBot.Discord.Gateway;
using CreditsBot.Discord.Http;
using CreditsBot.Discord.Tests.Gateway.Fakes;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewayHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_shard_unheard_for_longer_than_the_limit_is_unhealthy_until_discord_answers_again()
    {
        var time = new ManualTimeProvider(Start);
        var health = new GatewayHealth(time);
        health.Starting(0);
        health.SessionLive(0);
        Assert.True(health.IsHealthy());

        time.Advance(GatewayHealth.StaleAfter + TimeSpan.FromSeconds(1));
        Assert.False(health.IsHealthy());

        health.Acked(0);
        Assert.True(health.IsHealthy());
        Assert.Equal(new ShardHealth(0, true, TimeSpan.Zero), Assert.Single(health.Snapshot()));
    }

    [Fact]
    public void A_dropped_shard_is_not_live_but_stays_healthy_while_it_reconnects_in_time()
    {
        var time = new ManualTimeProvider(Start);
        var health = new GatewayHealth(time);
        health.Starting(1);
        health.SessionLive(1);
        time.Advance(TimeSpan.FromSeconds(10));

        health.Disconnected(1);

        var shard = Assert.Single(health.Snapshot());
        Assert.False(shard.Live);
        Assert.Equal(TimeSpan.FromSeconds(10), shard.SinceLastHeard);
        Assert.True(health.IsHealthy());
    }

    [Fact]
    public void Healthz_is_not_ready_when_a_shard_has_gone_stale_even_with_the_index_built()
    {
        var time = new ManualTimeProvider(Start);
        var health = new GatewayHealth(time);
        health.Starting(0);
        var search = new FakeCreditsSearch(TestCatalog.Create());

        Assert.True(HealthEndpoint.Report(search, health).Ready);
        time.Advance(GatewayHealth.StaleAfter * 2);
        var report = HealthEndpoint.Report(search, health);

        Assert.False(report.Ready);
        Assert.Equal(0, Assert.Single(report.Shards!).Id);
        Assert.True(HealthEndpoint.Report(search).Ready, "without the gateway only the index counts");
    }

    [Fact]
    public async Task A_live_session_and_its_heartbeat_acks_are_recorded_per_shard()
    {
        // Three heartbeats a second apart keep the session open about 3 s, long enough for the loop below to see it live
        // on a loaded machine, and give each ACK a second (at 400 ms a late ACK made the client rightly call it a zombie).
        var script = new GatewayScript().Hello(1000).ExpectIdentify().Ready();
        for (var i = 0; i < 3; i++)
            script = script.ExpectHeartbeat();
        await using var gateway = await FakeGateway.StartAsync(script);
        await using var harness = GatewayHarness.Start(gateway);

        // Read the health while the script still runs (the socket is open until its last step).
        var deadline = DateTime.UtcNow.AddSeconds(30); // generous for a loaded machine: the loop ends as soon as the shard is live
        ShardHealth? seen = null;
        while (DateTime.UtcNow < deadline && seen is not { Live: true })
        {
            seen = harness.Health.Snapshot().SingleOrDefault();
            await Task.Delay(20);
        }

        Assert.NotNull(seen);
        Assert.True(seen.Live);
        Assert.True(seen.SinceLastHeard < TimeSpan.FromSeconds(2));
        Assert.True(harness.Health.IsHealthy());
        await gateway.WaitForScriptsAsync(TimeSpan.FromSeconds(10));
    }
}
