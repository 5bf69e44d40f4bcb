using System.Text.Json;
using CreditsBot.Cli;

namespace CreditsBot.Tests.Cli;

public class ImportVerbTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, TextReader.Null);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Jsonl_writes_one_object_per_credit_with_exactly_the_agreed_keys()
    {
        var (code, output, _) = await Run("import", "--jsonl");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 1000);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(["document", "area", "section", "person", "role"], json.RootElement.EnumerateObject().Select(p => p.Name));
        }

        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("Christopher Berner", first.RootElement.GetProperty("person").GetString());
        Assert.Equal("Supercomputing lead", first.RootElement.GetProperty("role").GetString());
        Assert.Contains(lines, l => l.Contains("\"person\":\"Łukasz Kaiser\"") && l.Contains("\"role\":null"));
    }

    [Fact]
    public async Task The_outline_lists_documents_areas_and_sections()
    {
        var (code, output, _) = await Run("import");

        Assert.Equal(0, code);
        Assert.Contains("GPT-4 contributions (gpt-4:", output);
        Assert.Contains("\n  Pretraining\n    Core contributors (18)\n      Christopher Berner — Supercomputing lead\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("2 documents", output);
    }

    [Fact]
    public async Task A_broken_folder_is_reported_with_a_non_zero_exit()
    {
        var (code, _, error) = await Run("import", "--seeds", "/nonexistent/creditsbot");

        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/creditsbot: credits folder not found", error);
    }
}
