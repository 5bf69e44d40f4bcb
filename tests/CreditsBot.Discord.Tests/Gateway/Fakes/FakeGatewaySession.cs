using System.Text.Json.Nodes;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>
/// One session on the fake gateway: the dispatches it sent, numbered like Discord's <c>s</c>, so that a RESUME gets
/// exactly the ones after the client's sequence replayed, as Discord does.
/// </summary>
internal sealed class FakeGatewaySession(string id, int? shard)
{
    private readonly List<(long Sequence, string Frame)> log = [];

    public string Id { get; } = id;

    public int? Shard { get; } = shard;

    public long LastSequence
    {
        get
        {
            lock (log)
            {
                return log.Count == 0 ? 0 : log[^1].Sequence;
            }
        }
    }

    /// <summary>Numbers a dispatch, keeps it for replay and returns the frame to send.</summary>
    public string Record(string eventName, JsonObject data)
    {
        lock (log)
        {
            var sequence = (log.Count == 0 ? 0 : log[^1].Sequence) + 1;
            var frame = new JsonObject { ["op"] = 0, ["s"] = sequence, ["t"] = eventName, ["d"] = data }.ToJsonString();
            log.Add((sequence, frame));
            return frame;
        }
    }

    public IReadOnlyList<string> After(long sequence)
    {
        lock (log)
        {
            return log.Where(entry => entry.Sequence > sequence).Select(entry => entry.Frame).ToArray();
        }
    }
}
