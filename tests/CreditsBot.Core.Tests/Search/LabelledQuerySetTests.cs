using Xunit.Abstractions;

namespace CreditsBot.Core.Tests.Search;

/// <summary>The labelled query set over the real seeds: accuracy is measured, reported and held to 98% top-1.</summary>
public sealed class LabelledQuerySetTests(ITestOutputHelper output)
{
    [Fact]
    public void The_set_covers_every_kind_of_query_with_at_least_150_lines()
    {
        var queries = LabelledQuery.Load();
        Assert.True(queries.Count >= 150, $"only {queries.Count} labelled queries");
        foreach (var kind in new[] { "person", "role", "section", "autocomplete", "autocomplete-section" })
            Assert.Contains(queries, q => q.Kind == kind);
        Assert.Contains(queries, q => q.Expected == "-");
    }

    [Fact]
    public void Top1_accuracy_is_at_least_98_percent()
    {
        var search = SeedSearch.Instance;
        var queries = LabelledQuery.Load();
        var top1 = 0;
        var top3 = 0;
        foreach (var query in queries)
        {
            var answers = query.Answers(search);
            var rank = query.RankIn(answers);
            if (rank == 1) top1++;
            if (rank is >= 1 and <= 3) top3++;
            if (rank != 1)
            {
                output.WriteLine($"line {query.Line} [{query.Case}] {query.Kind} \"{query.Query}\": expected {query.Expected}, " +
                    $"got {(answers.Count == 0 ? "nothing" : string.Join(" | ", answers.Take(3)))}");
            }
        }
        var top1Rate = (double)top1 / queries.Count;
        output.WriteLine($"{queries.Count} queries: top-1 {top1} ({top1Rate:P1}), top-3 {top3} ({(double)top3 / queries.Count:P1})");
        Assert.True(top1Rate >= 0.98, $"top-1 accuracy {top1Rate:P1} is under 98%");
    }
}
