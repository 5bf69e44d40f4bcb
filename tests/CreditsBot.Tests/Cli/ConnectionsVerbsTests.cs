using System.Text.Json;
using CreditsBot.Cli;

namespace CreditsBot.Tests.Cli;

public class ConnectionsVerbsTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, new StringReader(""));
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static void AssertSection(JsonElement section) =>
        Assert.Equal(["document", "area", "section"], Keys(section));

    [Fact]
    public async Task With_json_has_the_issue_shape_best_first_with_names_as_the_pages_spell_them()
    {
        var (code, output, _) = await Run("with", "madeline boyd", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["person", "results"], Keys(json.RootElement));
        // Madeline, Madelaine and Madeleine Boyd are one person, named by the best-known spelling.
        Assert.Equal("Madelaine Boyd", json.RootElement.GetProperty("person").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, r =>
        {
            Assert.Equal(["name", "score", "shared"], Keys(r));
            Assert.All(r.GetProperty("shared").EnumerateArray(), AssertSection);
        });
        Assert.DoesNotContain(results, r => r.GetProperty("name").GetString()!.EndsWith("Boyd", StringComparison.Ordinal));
        // Trust & safety engineering: Madeline Boyd with two others, 1/2 each, the best score.
        Assert.Equal(new HashSet<string> { "Jeff Belgum", "Vik Goel" }, results.Take(2).Select(r => r.GetProperty("name").GetString()!).ToHashSet());
        Assert.All(results.Take(2), r => Assert.Equal(0.5, r.GetProperty("score").GetDouble()));
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Compare_json_has_the_issue_shape_and_a_chain_when_nothing_is_shared()
    {
        var (code, output, _) = await Run("compare", "Greg Brockman", "Madeline Boyd", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["a", "b", "shared", "only_a", "only_b", "chain"], Keys(root));
        Assert.Equal(("Greg Brockman", "Madelaine Boyd"), (root.GetProperty("a").GetString(), root.GetProperty("b").GetString()));
        Assert.Empty(root.GetProperty("shared").EnumerateArray());
        Assert.All(root.GetProperty("only_a").EnumerateArray().Concat(root.GetProperty("only_b").EnumerateArray()), AssertSection);
        var chain = root.GetProperty("chain").EnumerateArray().ToList();
        Assert.InRange(chain.Count, 2, 4);
        Assert.All(chain, step =>
        {
            Assert.Equal(["from", "to", "section"], Keys(step));
            AssertSection(step.GetProperty("section"));
        });
        Assert.Equal("Greg Brockman", chain[0].GetProperty("from").GetString());
        Assert.Equal("Madelaine Boyd", chain[^1].GetProperty("to").GetString());
    }

    [Fact]
    public async Task Compare_in_text_lists_sections_together_and_apart_with_roles()
    {
        var (code, output, _) = await Run("compare", "Greg Brockman", "Jakub Pachocki");

        Assert.Equal(0, code);
        Assert.StartsWith("Greg Brockman and Jakub Pachocki", output);
        Assert.Contains("GPT-4 contributions › Pretraining › Core contributors — Greg Brockman: Infrastructure lead; Jakub Pachocki: ", output);
        Assert.Contains("Greg Brockman without Jakub Pachocki (", output);
    }

    [Fact]
    public async Task Bad_usage_and_unknown_people_are_reported()
    {
        var (usage, _, usageError) = await Run("compare", "Greg Brockman");
        Assert.Equal(2, usage);
        Assert.Contains("usage: compare", usageError);

        var (missing, output, error) = await Run("with", "Zzzq Qqqz", "--json");
        Assert.Equal(1, missing);
        Assert.Equal("", output);
        Assert.Contains("No credited person matches \"Zzzq Qqqz\".", error);
    }
}
