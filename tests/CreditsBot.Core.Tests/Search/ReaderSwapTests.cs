using CreditsBot.Core.Search;

namespace CreditsBot.Core.Tests.Search;

public class ReaderSwapTests
{
    [Fact]
    public async Task Queries_running_while_indexes_are_swapped_all_succeed_on_one_index_or_the_other()
    {
        var first = TestCatalogs.Build("first", ("Area", "Team", ["Anna Berg — Lead", "Jonas Falk"]));
        var second = TestCatalogs.Build("second", ("Area", "Team", ["Anna Berg — Lead", "Petra Nováková"]));
        using var engine = new CreditsSearchEngine();
        engine.Publish(first, "first");

        var failures = 0;
        var answered = 0;
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var hits = engine.FindPerson("Anna Berg").Hits;
                var document = hits.Count == 1 ? hits[0].Credits[0].Document.Id : null;
                if (document is not ("first" or "second") || engine.FindRole("lead").Hits.Count != 1)
                    Interlocked.Increment(ref failures);
                Interlocked.Increment(ref answered);
            }
        })).ToArray();

        for (var i = 0; i < 40; i++)
        {
            // Let the readers answer at least once on each generation before the next swap.
            var before = Volatile.Read(ref answered);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Volatile.Read(ref answered) < before + 2 && clock.ElapsedMilliseconds < 2000)
                Thread.Yield();
            engine.Publish(i % 2 == 0 ? second : first, i % 2 == 0 ? "second" : "first");
        }
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal(0, failures);
        Assert.True(answered >= 80, $"only {answered} lookups ran during the swaps");
        Assert.Equal("first", engine.Fingerprint);
    }
}
