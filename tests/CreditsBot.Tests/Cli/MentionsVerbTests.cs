using System.Text.Json;
using CreditsBot.Cli;

namespace CreditsBot.Tests.Cli;

public class MentionsVerbTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, new StringReader(""));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Mentions_prints_each_person_named_with_their_credits()
    {
        var (code, output, _) = await Run("mentions", "Thanks to Greg Brockman and Jakub Pachoki!");
        Assert.Equal(0, code);
        var people = output.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ')).ToList();
        Assert.Equal(2, people.Count);
        Assert.StartsWith("Greg Brockman (named as \"Greg Brockman\", ", people[0]);
        Assert.StartsWith("Jakub Pachocki (named as \"Jakub Pachoki\", ", people[1]);
        Assert.Contains("  GPT-4 contributions › Pretraining › Core contributors — Infrastructure lead", output);
    }

    [Fact]
    public async Task Mentions_json_is_one_array_of_people_with_their_credits()
    {
        var (code, output, _) = await Run("mentions", "--json", "lukasz kaiser wrote to greg");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var person = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Łukasz Kaiser", person.GetProperty("person").GetString());
        Assert.Equal("lukasz kaiser", person.GetProperty("words").GetString());
        Assert.Contains(person.GetProperty("credits").EnumerateArray(), c => c.GetProperty("role").GetString() == "Long context lead");
    }

    [Fact]
    public async Task Mentions_of_nobody_exits_1_and_without_text_is_a_usage_error()
    {
        var (none, output, _) = await Run("mentions", "--json", "the model and the data");
        Assert.Equal(1, none);
        Assert.Equal("[]", output.Trim());
        var (usage, _, error) = await Run("mentions", "--json");
        Assert.Equal(2, usage);
        Assert.Contains("usage: mentions", error);
    }
}
