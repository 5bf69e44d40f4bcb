namespace CreditsBot.Discord.Gateway;

/// <summary>The gateway refused us for a reason no retry can fix; <see cref="Exception.Message"/> says what to change.</summary>
public sealed class GatewayFatalException(string message, int? closeCode = null, int? shardId = null) : Exception(message)
{
    public int? CloseCode { get; } = closeCode;

    public int? ShardId { get; } = shardId;
}
