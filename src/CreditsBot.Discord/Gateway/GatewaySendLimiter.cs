namespace CreditsBot.Discord.Gateway;

/// <summary>
/// Keeps one connection under Discord's send limit (120 events per 60 s; going over disconnects at once), with a few
/// slots that only heartbeats may take so that nothing can starve them.
/// </summary>
internal sealed class GatewaySendLimiter(int limit, int heartbeatReserve, TimeSpan window, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;
    private readonly Queue<long> sent = new();

    public async ValueTask WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var cap = heartbeat ? limit : Math.Max(1, limit - heartbeatReserve);
        while (true)
        {
            TimeSpan wait;
            lock (sent)
            {
                var now = time.GetTimestamp();
                while (sent.Count > 0 && time.GetElapsedTime(sent.Peek(), now) >= window)
                {
                    sent.Dequeue();
                }

                if (sent.Count < cap)
                {
                    sent.Enqueue(now);
                    return;
                }

                // The send that must leave the window before one more fits under this cap.
                wait = window - time.GetElapsedTime(sent.ElementAt(sent.Count - cap), now);
            }

            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
