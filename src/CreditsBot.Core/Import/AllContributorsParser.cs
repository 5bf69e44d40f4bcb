using System.Text;
using System.Text.Json;

namespace CreditsBot.Core.Import;

/// <summary>
/// An all-contributors file (<c>.all-contributorsrc</c>, JSON): its <c>projectName</c> is the title, each
/// contribution type a section (with a readable title: "code" → "Code", "doc" → "Documentation") in the
/// order the types first appear, each contributor a credit in every section of their types.
/// </summary>
public static class AllContributorsParser
{
    public const string Area = "Contributors";

    // The contribution types of the all-contributors emoji key, with a readable title each.
    private static readonly Dictionary<string, string> TypeTitles = new(StringComparer.Ordinal)
    {
        ["a11y"] = "Accessibility", ["audio"] = "Audio", ["blog"] = "Blog posts", ["bug"] = "Bug reports",
        ["business"] = "Business development", ["code"] = "Code", ["content"] = "Content", ["data"] = "Data",
        ["design"] = "Design", ["doc"] = "Documentation", ["eventOrganizing"] = "Event organizing",
        ["example"] = "Examples", ["financial"] = "Financial support", ["fundingFinding"] = "Funding finding",
        ["ideas"] = "Ideas and planning", ["infra"] = "Infrastructure", ["maintenance"] = "Maintenance",
        ["mentoring"] = "Mentoring", ["platform"] = "Packaging and porting", ["plugin"] = "Plugins and utility libraries",
        ["projectManagement"] = "Project management", ["promotion"] = "Promotion", ["question"] = "Answering questions",
        ["research"] = "Research", ["review"] = "Reviewing pull requests", ["security"] = "Security", ["talk"] = "Talks",
        ["test"] = "Tests", ["tool"] = "Tools", ["translation"] = "Translation", ["tutorial"] = "Tutorials",
        ["userTesting"] = "User testing", ["video"] = "Videos",
    };

    private static readonly JsonDocumentOptions Json = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static (IReadOnlyList<PageEvent> Events, string? Title) Parse(PageText page)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(page.Text, Json);
        }
        catch (JsonException e)
        {
            page.Problem(OffsetOf(page.Text, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0)), Line(page.Text, (int)(e.LineNumber ?? 0)), $"not valid JSON: {e.Message}");
            return ([], null);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("contributors", out var contributors) || contributors.ValueKind != JsonValueKind.Array)
            {
                page.Problem(0, PageText.Shorten(page.Text), "expected a JSON object with a \"contributors\" array");
                return ([], null);
            }

            var title = root.TryGetProperty("projectName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            var sections = new List<(string Type, List<string> People)>();
            var index = 0;
            foreach (var contributor in contributors.EnumerateArray())
            {
                index++;
                var person = Text(contributor, "name") ?? Text(contributor, "login");
                if (person is null)
                {
                    page.Problem(0, $"contributor {index}", "a contributor has neither a \"name\" nor a \"login\"");
                    continue;
                }

                if (!contributor.TryGetProperty("contributions", out var types) || types.ValueKind != JsonValueKind.Array)
                {
                    page.Problem(0, person, "a contributor has no \"contributions\" array");
                    continue;
                }

                foreach (var type in types.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!))
                {
                    var section = sections.FirstOrDefault(s => s.Type == type);
                    if (section.People is null) sections.Add(section = (type, []));
                    section.People.Add(person);
                }
            }

            var events = new List<PageEvent> { new AreaHeading(Area, 1) };
            foreach (var (type, people) in sections)
            {
                events.Add(new Heading(TitleOf(type), 1));
                events.AddRange(people.Select(p => new CreditRead(p, null, 1)));
            }

            return (events, title);
        }
    }

    /// <summary>"code" → "Code", "doc" → "Documentation"; a type not in the emoji key is split at its capitals ("dataViz" → "Data viz").</summary>
    public static string TitleOf(string type)
    {
        if (TypeTitles.TryGetValue(type, out var title)) return title;
        var words = new StringBuilder();
        foreach (var c in type)
        {
            if (char.IsUpper(c) && words.Length > 0) words.Append(' ');
            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.Length > 0 ? words.ToString() : "Contributions";
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && text.Trim().Length > 0
            ? text.Trim()
            : null;

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 0; l < line && offset < text.Length; l++)
        {
            var next = text.IndexOf('\n', offset);
            offset = next < 0 ? text.Length : next + 1;
        }

        return Math.Min(text.Length, offset + column);
    }

    private static string Line(string text, int line) => text.Split('\n').ElementAtOrDefault(line) ?? "";
}
