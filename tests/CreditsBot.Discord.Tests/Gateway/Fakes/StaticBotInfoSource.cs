using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>Answers GET /gateway/bot from memory, counting the calls.</summary>
internal sealed class StaticBotInfoSource(GatewayBotInfo info) : IGatewayBotInfoSource
{
    private int calls;

    public int Calls => calls;

    public Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(info);
    }
}
