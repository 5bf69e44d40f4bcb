namespace CreditsBot.Discord.Gateway;

/// <summary>What a shard must remember across connections to RESUME: READY's session id and resume URL, and the last sequence.</summary>
internal sealed class GatewaySession
{
    private long sequence = -1;

    public string? SessionId { get; set; }

    /// <summary>Only READY carries it, so it is kept across successive resumes.</summary>
    public Uri? ResumeUrl { get; set; }

    /// <summary>The last non-null <c>s</c> of a dispatch (op 0 only: other frames carry <c>s: null</c>), or null before any.</summary>
    public long? Sequence
    {
        get
        {
            var value = Volatile.Read(ref sequence);
            return value < 0 ? null : value;
        }
        set => Volatile.Write(ref sequence, value ?? -1);
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Forget()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
