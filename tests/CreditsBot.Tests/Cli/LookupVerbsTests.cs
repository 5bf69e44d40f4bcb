using System.Text.Json;
using CreditsBot.Cli;

namespace CreditsBot.Tests.Cli;

public class LookupVerbsTests
{
    private static async Task<(int Code, string Output, string Error)> Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, new StringReader(input));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Person_prints_every_credit_of_the_best_match_and_its_other_spellings()
    {
        var (code, output, _) = await Run("", "person", "Madeline Boyd");

        Assert.Equal(0, code);
        Assert.StartsWith("Madeline Boyd (exact match, 2 credits)", output);
        Assert.Contains("Trust & safety engineering lead", output);
        Assert.Contains("Also credited as (probably the same person): Madelaine Boyd, Madeleine Boyd", output);
    }

    [Fact]
    public async Task Person_with_no_match_says_so_and_offers_near_names()
    {
        var (code, output, _) = await Run("", "person", "Jeff", "Dean");

        Assert.Equal(1, code);
        Assert.Contains("No credited person matches \"Jeff Dean\".", output);
        Assert.Contains("Did you mean: ", output);
        Assert.Contains("Jeff Wu", output);
    }

    [Fact]
    public async Task Section_prints_the_members_in_page_order()
    {
        var (code, output, _) = await Run("", "section", "Vision / Data");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Data — Vision — GPT-4 contributions (8 credited)", lines[0].TrimEnd());
        Assert.Equal("  Jong Wook Kim", lines[1].TrimEnd());
    }

    [Fact]
    public async Task Role_prints_the_holders_with_their_roles()
    {
        var (code, output, _) = await Run("", "role", "triton lead");

        Assert.Equal(0, code);
        Assert.StartsWith("Phil Tillet", output);
        Assert.Contains("Triton lead (GPT-4 contributions › Pretraining › Core contributors)", output);
    }

    [Fact]
    public async Task A_lookup_verb_without_text_is_a_usage_error()
    {
        var (code, _, error) = await Run("", "person");

        Assert.Equal(2, code);
        Assert.Contains("usage: person", error);
    }

    [Fact]
    public async Task A_lookup_verb_with_blank_text_is_a_usage_error_too()
    {
        var (code, _, error) = await Run("", "section", "   ");

        Assert.Equal(2, code);
        Assert.Contains("usage: section", error);
    }

    [Fact]
    public async Task Search_jsonl_answers_each_line_with_one_json_object()
    {
        var input = string.Join('\n',
            "person\tLukasz Kaiser",
            "section\tlong ctx kernels",
            "role\ttriton lead",
            "autocomplete\tgre",
            "person\tJeff Dean",
            "no tab here",
            "planet\tMars",
            "person\tname:* AND (",
            "");

        var (code, output, _) = await Run(input, "search", "--jsonl");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(8, lines.Count);
        Assert.Equal(["kind", "query", "results", "suggestions"], lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Łukasz Kaiser", FirstName(lines[0]));
        Assert.True(lines[0].GetProperty("results")[0].GetProperty("score").GetDouble() > 0);
        Assert.Equal("Long context kernels — Long context — GPT-4 contributions", FirstName(lines[1]));
        Assert.Equal("Phil Tillet", FirstName(lines[2]));
        Assert.Equal("Greg Brockman", FirstName(lines[3]));
        Assert.InRange(lines[3].GetProperty("results").GetArrayLength(), 1, 25);
        Assert.Equal(0, lines[4].GetProperty("results").GetArrayLength());
        Assert.Contains("Jeff Belgum", lines[4].GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("line 6", lines[5].GetProperty("error").GetString());
        Assert.Contains("unknown kind", lines[6].GetProperty("error").GetString());
        Assert.Equal(0, lines[7].GetProperty("results").GetArrayLength());
        Assert.False(lines[7].TryGetProperty("error", out _));
    }

    [Theory]
    [InlineData("gre", "Greg Brockman")]
    [InlineData("red t", "Red teaming leaders — Safety contributions — GPT-4V(ision) technical work and authors")]
    [InlineData("chatml", "ChatML format — RL & alignment — GPT-4 contributions")]
    public async Task Autocomplete_in_the_batch_suggests_people_and_sections_together(string typed, string expected)
    {
        var (_, output, _) = await Run($"autocomplete\t{typed}\n", "search", "--jsonl");

        var results = JsonDocument.Parse(output).RootElement.GetProperty("results");
        Assert.InRange(results.GetArrayLength(), 1, 25);
        Assert.Equal(expected, results[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_without_jsonl_is_a_usage_error()
    {
        var (code, _, error) = await Run("", "search");

        Assert.Equal(2, code);
        Assert.Contains("--jsonl", error);
    }

    private static string? FirstName(JsonElement line) => line.GetProperty("results")[0].GetProperty("name").GetString();
}
