using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>Answers GET /gateway/bot from memory (or fails with <paramref name="failure"/>), counting the calls.</summary>
internal sealed class StaticBotInfoSource(GatewayBotInfo info, Exception? failure = null) : IGatewayBotInfoSource
{
    private int calls;

    public int Calls => calls;

    public Task<GatewayBotInfo> GetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return failure is null ? Task.FromResult(info) : Task.FromException<GatewayBotInfo>(failure);
    }
}
