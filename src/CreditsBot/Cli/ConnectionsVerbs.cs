using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;

namespace CreditsBot.Cli;

/// <summary>
/// <c>with "&lt;name&gt;" [--json]</c> and <c>compare "&lt;a&gt;" "&lt;b&gt;" [--json]</c>: who worked with whom, from the
/// pages (exit 0 when the people were found, 1 when not, 2 on bad usage or unreadable pages). Names are resolved as
/// the <c>person</c> verb resolves them; the answers name people and sections as the pages spell them.
/// </summary>
internal static class ConnectionsVerbs
{
    private const int PrintedCollaborators = 20;

    public static int With(string[] args, TextWriter output, TextWriter error)
    {
        var names = Names(args);
        if (names.Count == 0)
        {
            error.WriteLine("usage: with \"<name>\" [--json] [--seeds DIR]");
            return 2;
        }
        using var search = LookupVerbs.Load(args, error);
        if (search is null)
            return 2;
        var name = string.Join(' ', names);
        if (Resolve(search, name, error) is not { } person || search.Collaborators(person.Key, int.MaxValue) is not { } result)
            return 1;

        if (args.Contains("--json"))
            output.WriteLine(WithJson(result));
        else
            PrintWith(result, output);
        return 0;
    }

    public static int Compare(string[] args, TextWriter output, TextWriter error)
    {
        var names = Names(args);
        if (names.Count != 2)
        {
            error.WriteLine("usage: compare \"<a>\" \"<b>\" [--json] [--seeds DIR]   (two names, each in quotes)");
            return 2;
        }
        using var search = LookupVerbs.Load(args, error);
        if (search is null)
            return 2;
        // Both are resolved before giving up, so that both misspellings are reported at once.
        var (a, b) = (Resolve(search, names[0], error), Resolve(search, names[1], error));
        if (a is null || b is null || search.Compare(a.Key, b.Key) is not { } result)
            return 1;

        if (args.Contains("--json"))
            output.WriteLine(CompareJson(result));
        else
            PrintCompare(result, output);
        return 0;
    }

    /// <summary>The words that are not options: <c>--seeds DIR</c> and <c>--json</c> are left out.</summary>
    private static List<string> Names(string[] args)
    {
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seeds")
                i++;
            else if (args[i] != "--json" && !string.IsNullOrWhiteSpace(args[i]))
                names.Add(args[i]);
        }
        return names;
    }

    private static PersonHit? Resolve(ICreditsSearch search, string name, TextWriter error)
    {
        var result = search.FindPerson(name, limit: 1);
        if (result.Hits.Count > 0)
            return result.Hits[0];
        error.WriteLine($"No credited person matches \"{name}\"." +
            (result.DidYouMean.Count > 0 ? $" Did you mean: {string.Join("; ", result.DidYouMean)}?" : ""));
        return null;
    }

    internal static string WithJson(CollaboratorsResult result) => LookupVerbs.Json(writer =>
    {
        writer.WriteString("person", LookupVerbs.Printable(result.Person.Name));
        writer.WriteStartArray("results");
        foreach (var collaborator in result.Collaborators)
        {
            writer.WriteStartObject();
            writer.WriteString("name", LookupVerbs.Printable(collaborator.Person.Name));
            writer.WriteNumber("score", Math.Round(collaborator.Score, 6));
            writer.WriteStartArray("shared");
            foreach (var section in collaborator.Shared)
                WriteSection(writer, section);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    internal static string CompareJson(ComparisonResult result) => LookupVerbs.Json(writer =>
    {
        writer.WriteString("a", LookupVerbs.Printable(result.A.Name));
        writer.WriteString("b", LookupVerbs.Printable(result.B.Name));
        WriteSections(writer, "shared", result.Shared.Select(s => s.Section));
        WriteSections(writer, "only_a", result.OnlyA.Select(s => s.Section));
        WriteSections(writer, "only_b", result.OnlyB.Select(s => s.Section));
        writer.WriteStartArray("chain");
        foreach (var step in result.Chain ?? [])
        {
            writer.WriteStartObject();
            writer.WriteString("from", LookupVerbs.Printable(step.From.Name));
            writer.WriteString("to", LookupVerbs.Printable(step.To.Name));
            writer.WritePropertyName("section");
            WriteSection(writer, step.Section);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    });

    private static void WriteSections(Utf8JsonWriter writer, string name, IEnumerable<SectionRef> sections)
    {
        writer.WriteStartArray(name);
        foreach (var section in sections)
            WriteSection(writer, section);
        writer.WriteEndArray();
    }

    private static void WriteSection(Utf8JsonWriter writer, SectionRef section)
    {
        writer.WriteStartObject();
        writer.WriteString("document", LookupVerbs.Printable(section.Document.Title));
        writer.WriteString("area", LookupVerbs.Printable(section.Area.Title));
        writer.WriteString("section", LookupVerbs.Printable(section.Section.Title));
        writer.WriteEndObject();
    }

    private static void PrintWith(CollaboratorsResult result, TextWriter output)
    {
        output.WriteLine($"Who worked with {result.Person.Name}: {result.Total} {(result.Total == 1 ? "person shares" : "people share")} a section " +
            "(a section of n people counts 1/(n − 1))");
        if (result.Person.Spellings.Count > 1)
            output.WriteLine($"  counted as one person: {string.Join(", ", result.Person.Spellings)}");
        foreach (var (collaborator, rank) in result.Collaborators.Take(PrintedCollaborators).Select((c, i) => (c, i + 1)))
        {
            output.WriteLine($"{rank,3}. {collaborator.Person.Name} — {collaborator.Score:0.###}, {collaborator.Shared.Count} shared:");
            foreach (var section in collaborator.Shared)
                output.WriteLine($"       {Place(section)}");
        }
        if (result.Collaborators.Count > PrintedCollaborators)
            output.WriteLine($"  … and {result.Collaborators.Count - PrintedCollaborators} more (--json lists everyone)");
    }

    private static void PrintCompare(ComparisonResult result, TextWriter output)
    {
        var (a, b) = (result.A.Name, result.B.Name);
        if (result.SamePerson)
        {
            output.WriteLine($"Both names are one person: {string.Join(", ", result.A.Spellings)}.");
            return;
        }
        output.WriteLine($"{a} and {b}");
        output.WriteLine($"Together ({result.Shared.Count}):");
        foreach (var shared in result.Shared)
            output.WriteLine($"  {Place(shared.Section)} — {a}: {Roles(shared.CreditsA)}; {b}: {Roles(shared.CreditsB)}");
        PrintOnly(output, a, b, result.OnlyA);
        PrintOnly(output, b, a, result.OnlyB);
        if (result.Chain is not { Count: > 0 } chain)
        {
            output.WriteLine($"No link within {ChainFinder.MaxSteps} steps.");
            return;
        }
        output.WriteLine($"Shortest chain ({chain.Count} step{(chain.Count == 1 ? "" : "s")}, through the smallest sections):");
        foreach (var step in chain)
            output.WriteLine($"  {step.From.Name} → {step.To.Name}: {Place(step.Section)} ({step.Section.Members} people)");
    }

    private static void PrintOnly(TextWriter output, string person, string other, IReadOnlyList<SectionCredits> sections)
    {
        output.WriteLine($"{person} without {other} ({sections.Count}):");
        foreach (var section in sections)
            output.WriteLine($"  {Place(section.Section)} — {Roles(section.Credits)}");
    }

    private static string Roles(IReadOnlyList<Core.Model.CreditEntry> credits)
    {
        var roles = credits.Select(c => c.Role).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return roles.Count == 0 ? "credited" : string.Join(", ", roles);
    }

    private static string Place(SectionRef section) => LookupPrinter.Place(section.Document, section.Area, section.Section);
}
