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

    [Fact]
    public async Task Check_lists_every_problem_of_every_page_with_its_place_and_exits_non_zero()
    {
        var folder = Directory.CreateTempSubdirectory("creditsbot-check").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.txt"), "Team\nAnn Lee, Bo Chen\n");
            File.WriteAllText(Path.Combine(folder, "two-problems.txt"), "Team\nAnn Lee, Bo Chen\n\nCrew\nAnn Lee, 42 ???\n\nDesk\nBo Chen, x y z\n");
            File.WriteAllBytes(Path.Combine(folder, "binary.txt"), [0x41, 0x0A, 0xFF, 0x00]);

            var (code, output, _) = await Run("import", "--check", "--seeds", folder);

            Assert.Equal(1, code);
            Assert.Contains($"problem: {Path.Combine(folder, "two-problems.txt")}:5:1: 'Ann Lee, 42 ???': ", output);
            Assert.Contains($"problem: {Path.Combine(folder, "two-problems.txt")}:8:1: 'Bo Chen, x y z': ", output);
            Assert.Contains($"problem: {Path.Combine(folder, "binary.txt")}:2: not a UTF-8 text file", output);
            Assert.Contains("3 pages: 1 imported, 2 rejected; 3 problems", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Import_prints_the_pages_that_read_and_names_the_broken_one_with_a_non_zero_exit()
    {
        var folder = Directory.CreateTempSubdirectory("creditsbot-import").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "good.md"), "# Good page\n\n## Team\n\n- Ann Lee — Team lead\n- Bo Chen\n");
            File.WriteAllText(Path.Combine(folder, "empty.txt"), "\n");

            var (code, output, error) = await Run("import", "--seeds", folder);

            Assert.Equal(1, code);
            Assert.Contains("Good page (good: 2 credits)\n  Team\n    Team (2)\n      Ann Lee — Team lead\n      Bo Chen\n", output.ReplaceLineEndings("\n"));
            Assert.Contains($"import failed: {Path.Combine(folder, "empty.txt")}: the file is empty", error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Check_on_the_seeds_finds_no_problem_and_lists_the_guessed_characters()
    {
        var (code, output, _) = await Run("import", "--check");

        Assert.Equal(0, code);
        Assert.Contains("2 pages: 2 imported, 0 rejected; 0 problems", output);
        Assert.Contains("gpt-4.txt:", output);
        Assert.Contains("guessed 'Å': a lost byte: read as 'Ł'", output);
    }
}
