using System.Text.Encodings.Web;
using System.Text.Json;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Cli;

/// <summary>
/// <c>import</c>: the parsed pages as an outline; <c>import --jsonl</c>: one JSON object per credit, in page order;
/// <c>import --check</c>: every problem of every page, and the report of skipped text and guessed characters.
/// Pages are imported one by one: a broken page is reported on the error output and left out; the exit code is
/// non-zero whenever a page or folder has a problem.
/// </summary>
internal static class ImportVerb
{
    private static readonly JsonWriterOptions JsonLine = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var report = SeedPageImporter.ImportPages(SeedFolders.FromArgs(args));
        if (args.Contains("--check"))
            return Check(report, output);

        var catalog = report.Catalog(DateTimeOffset.UtcNow);
        if (args.Contains("--jsonl")) WriteJsonLines(catalog, output);
        else WriteOutline(catalog, output);
        foreach (var problem in report.AllProblems)
            error.WriteLine($"import failed: {problem}");
        return report.HasProblems ? 1 : 0;
    }

    /// <summary>Every problem and note of every page, then a count; non-zero when there is a problem.</summary>
    private static int Check(ImportReport report, TextWriter output)
    {
        foreach (var problem in report.FolderProblems)
            output.WriteLine($"problem: {problem}");
        foreach (var page in report.Pages)
        {
            foreach (var problem in page.Problems)
                output.WriteLine($"problem: {problem}");
            foreach (var note in page.Notes)
                output.WriteLine($"note: {note}");
        }

        var problems = report.AllProblems.Count();
        var rejected = report.Pages.Count(p => !p.Succeeded);
        output.WriteLine($"{report.Pages.Count} pages: {report.Pages.Count - rejected} imported, {rejected} rejected; {problems} problems");
        return problems > 0 ? 1 : 0;
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
