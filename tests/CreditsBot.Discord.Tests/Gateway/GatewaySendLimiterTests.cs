using System.Diagnostics;
using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task OrdinarySends_StopShortOfTheLimit_LeavingTheReserveToHeartbeats()
    {
        var limiter = new GatewaySendLimiter(limit: 4, heartbeatReserve: 1, Window);
        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        var ordinary = limiter.WaitAsync(heartbeat: false, CancellationToken.None).AsTask();
        var heartbeat = limiter.WaitAsync(heartbeat: true, CancellationToken.None).AsTask();

        await heartbeat.WaitAsync(TimeSpan.FromMilliseconds(100)); // the reserved slot
        Assert.False(ordinary.IsCompleted);
        await ordinary.WaitAsync(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ASendOverTheLimit_WaitsForTheWindowToSlide()
    {
        var limiter = new GatewaySendLimiter(limit: 3, heartbeatReserve: 0, Window);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < 4; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        Assert.True(Stopwatch.GetElapsedTime(started) >= Window - TimeSpan.FromMilliseconds(15));
    }
}
