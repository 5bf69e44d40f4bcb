using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CreditsBot.Core.Import;
using CreditsBot.Core.Search;

namespace CreditsBot.Cli;

/// <summary>
/// <c>person</c>, <c>section</c>, <c>role</c>: a readable answer from the pages (exit 0 when something
/// matched, 1 when not, 2 on bad usage or unreadable pages). <c>search --jsonl</c>: one query per input line
/// as <c>KIND&lt;TAB&gt;TEXT</c> (person, section, role, autocomplete over people and sections, autocomplete-person,
/// autocomplete-section), one JSON object per output line.
/// </summary>
internal static class LookupVerbs
{
    private static readonly JsonWriterOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string verb, string[] args, TextWriter output, TextWriter error)
    {
        var query = QueryText(args);
        if (string.IsNullOrWhiteSpace(query))
        {
            error.WriteLine($"usage: {verb} \"<text>\" [--seeds DIR]");
            return 2;
        }
        using var search = Load(args, error);
        if (search is null)
            return 2;
        return verb switch
        {
            "person" => LookupPrinter.Person(search.FindPerson(query), output),
            "section" => LookupPrinter.Section(search.FindSection(query), output),
            _ => LookupPrinter.Role(search.FindRole(query), output),
        };
    }

    public static async Task<int> RunBatchAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (!args.Contains("--jsonl"))
        {
            error.WriteLine("usage: search --jsonl [--seeds DIR]   (reads KIND<TAB>TEXT lines on standard input)");
            return 2;
        }
        using var search = Load(args, error);
        if (search is null)
            return 2;

        var lineNumber = 0;
        while (await input.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            output.WriteLine(AnswerLine(search, line, lineNumber));
            output.Flush();
        }
        return 0;
    }

    /// <summary>One JSON object for one input line; a line that cannot be read gets an object with "error".</summary>
    internal static string AnswerLine(ICreditsSearch search, string line, int lineNumber)
    {
        var tab = line.IndexOf('\t');
        var kind = tab < 0 ? null : line[..tab].Trim().ToLowerInvariant();
        var text = tab < 0 ? line : line[(tab + 1)..];
        (string Name, double Score)[] results;
        IReadOnlyList<string> suggestions = [];
        switch (kind)
        {
            case "person":
                var person = search.FindPerson(text);
                results = person.Hits.Select(h => (h.Name, h.Score)).ToArray();
                suggestions = person.DidYouMean;
                break;
            case "section":
                var section = search.FindSection(text);
                results = section.Hits.Select(h => (h.DisplayName, h.Score)).ToArray();
                suggestions = section.DidYouMean;
                break;
            case "role":
                var role = search.FindRole(text);
                results = role.Hits.Select(h => (h.Person, h.Score)).ToArray();
                suggestions = role.DidYouMean;
                break;
            case "autocomplete" or "autocomplete-person" or "autocomplete-section":
                var choices = kind switch
                {
                    "autocomplete-person" => search.Autocomplete(AutocompleteKind.Person, text),
                    "autocomplete-section" => search.Autocomplete(AutocompleteKind.Section, text),
                    _ => MixedChoices.Of(search, text),
                };
                // Choices carry no score: their position is the rank, written as count − index.
                results = choices.Select((c, i) => (c.Name, (double)(choices.Count - i))).ToArray();
                break;
            default:
                return ErrorLine(kind, text, lineNumber, tab < 0
                    ? "expected KIND<TAB>TEXT"
                    : "unknown kind (expected person, section, role, autocomplete, autocomplete-person or autocomplete-section)");
        }

        return Json(writer =>
        {
            writer.WriteString("kind", kind);
            writer.WriteString("query", Printable(text));
            writer.WriteStartArray("results");
            foreach (var (name, score) in results)
            {
                writer.WriteStartObject();
                writer.WriteString("name", Printable(name));
                writer.WriteNumber("score", Math.Round(score, 3));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("suggestions");
            foreach (var suggestion in suggestions)
                writer.WriteStringValue(Printable(suggestion));
            writer.WriteEndArray();
        });
    }

    private static string ErrorLine(string? kind, string text, int lineNumber, string problem) => Json(writer =>
    {
        if (kind is null) writer.WriteNull("kind");
        else writer.WriteString("kind", Printable(kind));
        writer.WriteString("query", Printable(text));
        writer.WriteStartArray("results");
        writer.WriteEndArray();
        writer.WriteStartArray("suggestions");
        writer.WriteEndArray();
        writer.WriteString("error", $"line {lineNumber}: {problem}");
    });

    internal static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonLine))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Lone surrogates cannot be written as JSON: they become U+FFFD.</summary>
    internal static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return builder.ToString();
    }

    /// <summary>The words of the arguments that are not options (<c>--seeds DIR</c> and the given flags).</summary>
    internal static string? QueryText(string[] args, params string[] flags)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seeds")
                i++;
            else if (!flags.Contains(args[i]))
                words.Add(args[i]);
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    internal static CreditsSearchEngine? Load(string[] args, TextWriter error)
    {
        try
        {
            var catalog = SeedPageImporter.ImportFolders(SeedFolders.FromArgs(args));
            var engine = new CreditsSearchEngine();
            engine.Publish(catalog, fingerprint: "cli");
            return engine;
        }
        catch (SeedImportException e)
        {
            error.WriteLine($"cannot read the pages: {e.Message}");
            return null;
        }
    }
}
