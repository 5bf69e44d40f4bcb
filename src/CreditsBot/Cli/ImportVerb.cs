using System.Text.Encodings.Web;
using System.Text.Json;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Cli;

/// <summary><c>import</c>: the parsed pages as an outline; <c>import --jsonl</c>: one JSON object per credit, in page order.</summary>
internal static class ImportVerb
{
    private static readonly JsonWriterOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var jsonl = args.Contains("--jsonl");
        var folders = SeedFolders.FromArgs(args);
        CreditsCatalog catalog;
        try
        {
            catalog = SeedPageImporter.ImportFolders(folders);
        }
        catch (SeedImportException e)
        {
            error.WriteLine($"import failed: {e.Message}");
            return 1;
        }

        if (jsonl) WriteJsonLines(catalog, output);
        else WriteOutline(catalog, output);
        return 0;
    }

    public static void WriteJsonLines(CreditsCatalog catalog, TextWriter output)
    {
        using var buffer = new MemoryStream();
        foreach (var entry in catalog.Entries())
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, JsonLine))
            {
                writer.WriteStartObject();
                writer.WriteString("document", entry.Document.Title);
                writer.WriteString("area", entry.Area.Title);
                writer.WriteString("section", entry.Section.Title);
                writer.WriteString("person", entry.Person);
                if (entry.Role is null) writer.WriteNull("role");
                else writer.WriteString("role", entry.Role);
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    public static void WriteOutline(CreditsCatalog catalog, TextWriter output)
    {
        foreach (var document in catalog.Documents)
        {
            output.WriteLine($"{document.Title} ({document.Id}: {document.CreditCount} credits){(document.Url is null ? "" : " " + document.Url)}");
            foreach (var area in document.Areas)
            {
                output.WriteLine($"  {area.Title}");
                foreach (var section in area.Sections)
                {
                    output.WriteLine($"    {section.Title} ({section.Credits.Count})");
                    foreach (var credit in section.Credits)
                        output.WriteLine(credit.Role is null ? $"      {credit.Person}" : $"      {credit.Person} — {credit.Role}");
                }
            }
        }

        output.WriteLine($"{catalog.Documents.Count} documents, {catalog.SectionCount} sections, {catalog.PersonCount} names, {catalog.CreditCount} credits");
    }
}
