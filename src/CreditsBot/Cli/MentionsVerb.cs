using System.Text.Encodings.Web;
using System.Text.Json;
using CreditsBot.Core.Search;

namespace CreditsBot.Cli;

/// <summary>
/// <c>mentions "&lt;text&gt;" [--json] [--seeds DIR]</c>: every credited person the text names, found as the message
/// command "Look up credits" finds them (<see cref="ICreditsSearch.FindMentions"/>). Exit 0 when someone was
/// found, 1 when nobody, 2 on bad usage or unreadable pages.
/// </summary>
internal static class MentionsVerb
{
    private const string JsonFlag = "--json";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var text = LookupVerbs.QueryText(args, JsonFlag);
        if (string.IsNullOrWhiteSpace(text))
        {
            error.WriteLine($"usage: mentions \"<text>\" [{JsonFlag}] [--seeds DIR]");
            return 2;
        }
        using var search = LookupVerbs.Load(args, error);
        if (search is null)
            return 2;
        var found = ((ICreditsSearch)search).FindMentions(text);
        if (args.Contains(JsonFlag))
            output.WriteLine(Json(found));
        else
            Print(found, output);
        return found.Count > 0 ? 0 : 1;
    }

    private static void Print(IReadOnlyList<PersonMention> found, TextWriter output)
    {
        if (found.Count == 0)
        {
            output.WriteLine("No credited person is named in this text.");
            return;
        }
        foreach (var mention in found)
        {
            var person = mention.Person;
            output.WriteLine($"{person.Name} (named as \"{mention.Words}\", {person.Credits.Count} credit{(person.Credits.Count == 1 ? "" : "s")})");
            foreach (var credit in person.Credits)
                output.WriteLine($"  {LookupPrinter.Place(credit)}{(credit.Role is null ? "" : " — " + credit.Role)}");
        }
    }

    private static string Json(IReadOnlyList<PersonMention> found)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var mention in found)
            {
                writer.WriteStartObject();
                writer.WriteString("person", LookupVerbs.Printable(mention.Person.Name));
                writer.WriteString("words", LookupVerbs.Printable(mention.Words));
                writer.WriteString("match", mention.Person.Tier.ToString().ToLowerInvariant());
                writer.WriteStartArray("credits");
                foreach (var credit in mention.Person.Credits)
                {
                    writer.WriteStartObject();
                    writer.WriteString("document", credit.Document.Id);
                    writer.WriteString("area", credit.Area.Title);
                    writer.WriteString("section", credit.Section.Title);
                    if (credit.Role is null) writer.WriteNull("role");
                    else writer.WriteString("role", credit.Role);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

}
