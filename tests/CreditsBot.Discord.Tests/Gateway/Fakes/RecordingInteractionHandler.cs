using System.Collections.Concurrent;
using CreditsBot.Discord.Gateway;

namespace CreditsBot.Discord.Tests.Gateway.Fakes;

/// <summary>Stands in for the gateway interaction handler: records which interactions were answered, on which shard, how often.</summary>
internal sealed class RecordingInteractionHandler : IGatewayInteractionHandler
{
    private readonly ConcurrentQueue<(string Id, int Shard)> answered = new();

    /// <summary>Optional behaviour per interaction id (throw, take time...), run before the interaction counts as answered.</summary>
    public Func<string, CancellationToken, Task>? Behaviour { get; init; }

    public IReadOnlyList<(string Id, int Shard)> Answered => answered.ToArray();

    private readonly ConcurrentQueue<string> rejectedBusy = new();

    /// <summary>Ids answered "busy" because the queue was full.</summary>
    public IReadOnlyList<string> RejectedBusy => rejectedBusy.ToArray();

    public async Task HandleAsync(ReceivedInteraction interaction, CancellationToken cancellationToken)
    {
        var id = interaction.Data.GetProperty("id").GetString()!;
        if (Behaviour is not null)
        {
            await Behaviour(id, cancellationToken);
        }

        answered.Enqueue((id, interaction.ShardId));
    }

    public Task RejectBusyAsync(ReceivedInteraction interaction, CancellationToken cancellationToken)
    {
        rejectedBusy.Enqueue(interaction.Data.GetProperty("id").GetString()!);
        return Task.CompletedTask;
    }

    /// <summary>Waits for <paramref name="count"/> answers, failing early with the gateway's complaint if it has one.</summary>
    public async Task WaitForAsync(int count, FakeGateway gateway, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (answered.Count < count)
        {
            gateway.ThrowIfFailed();
            Assert.True(DateTime.UtcNow < deadline, $"only {answered.Count} of {count} interactions answered in time");
            await Task.Delay(10);
        }
    }

    /// <summary>Every id the gateway dispatched was answered exactly once: none lost, none doubled across reconnects.</summary>
    public void AssertEachAnsweredOnce(IEnumerable<string> dispatched)
    {
        var expected = dispatched.Order().ToArray();
        var actual = answered.Select(a => a.Id).Order().ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }
}
