using CreditsBot.Core.Model;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>Small credits pages built in code: enough shapes for replies, pagination and escaping.</summary>
public static class TestCatalog
{
    public const string Gpt4Url = "https://openai.com/contributions/gpt-4/";

    public static CreditsCatalog Create()
    {
        var pretraining = new CreditArea("Pretraining",
        [
            new CreditSection("Core contributors",
            [
                new Credit("Greg Brockman", "Infrastructure lead"),
                new Credit("Jakub Pachocki", "Overall lead"),
                new Credit("Jane_Doe*", "Data lead"),
            ]),
            new CreditSection("Compute cluster scaling", [new Credit("Greg Brockman", null), new Credit("Alex Paino", null)]),
        ]);
        var deployment = new CreditArea("Deployment",
        [
            new CreditSection("Inference research", [new Credit("Alex Paino", "Triton lead"), new Credit("@everyone", "Fun name")]),
            // A long section, so that its members take several pages.
            new CreditSection("Acknowledgements", Enumerable.Range(1, 95).Select(i => new Credit($"Person {i:000}", i % 3 == 0 ? "Reviewer" : null)).ToList()),
        ]);
        // One person credited in many sections, so that their answer takes several pages.
        var many = new CreditArea("Many things",
            Enumerable.Range(1, 40).Select(i => new CreditSection($"Workstream {i:00}", [new Credit("Prolific Person", $"Role number {i} " + new string('x', 60))])).ToList());

        var gpt4 = new CreditsDocument("gpt-4", "GPT-4 contributions", "seeds/gpt-4.txt", Gpt4Url, [pretraining, deployment, many]);
        var gpt4v = new CreditsDocument("gpt-4v", "GPT-4V contributions", "seeds/gpt-4v.txt", null,
        [
            new CreditArea("Vision", [new CreditSection("Evaluation", [new Credit("Greg Brockman", "Evaluation lead"), new Credit("Greg Brockmann", null)])]),
        ]);
        return new CreditsCatalog([gpt4, gpt4v], new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    }
}
