using System.Text;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Import;

/// <summary>
/// Turns folders of scraped credits pages (<c>*.txt</c>, each with an optional <c>*.meta.json</c> beside it)
/// into a catalog. All or nothing: any broken file throws <see cref="SeedImportException"/> naming it.
/// </summary>
public static class SeedPageImporter
{
    public const string PagePattern = "*.txt";

    public static CreditsCatalog ImportFolders(IEnumerable<string> folders)
    {
        var files = new List<string>();
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
                throw new SeedImportException(folder, null, "credits folder not found");
            files.AddRange(Directory.EnumerateFiles(folder, PagePattern).Order(StringComparer.Ordinal));
        }

        if (files.Count == 0)
            throw new SeedImportException(string.Join(", ", folders), null, $"no credits pages ({PagePattern}) found");

        return ImportFiles(files);
    }

    public static CreditsCatalog ImportFiles(IReadOnlyList<string> files)
    {
        var texts = files.Select(f => (File: f, Text: ReadPage(f))).ToList();

        // Names from every list of every page settle where a lead's name ends in "Name Role" lines.
        var knownNames = new HashSet<string>(
            texts.SelectMany(t => GluedPageParser.LooksGlued(t.Text) ? [] : LinePageParser.ListNames(t.Text)),
            StringComparer.Ordinal);

        var documents = new List<CreditsDocument>();
        foreach (var (file, text) in texts)
        {
            var document = ImportText(file, text, PageMetadata.ForPage(file), knownNames);
            if (documents.Any(d => d.Id == document.Id))
                throw new SeedImportException(file, null, $"another page is already named \"{document.Id}\"");
            documents.Add(document);
        }

        return new CreditsCatalog(documents, DateTimeOffset.UtcNow);
    }

    public static CreditsDocument ImportFile(string path) => ImportFiles([path]).Documents[0];

    /// <summary>Parses one page's text (already read and repaired).</summary>
    public static CreditsDocument ImportText(string file, string text, PageMetadata metadata, ISet<string>? knownNames = null)
    {
        var glued = GluedPageParser.LooksGlued(text);
        var events = glued
            ? GluedPageParser.Parse(text, metadata.Title, file)
            : LinePageParser.Parse(text, file, knownNames ?? new HashSet<string>());

        var areas = new PageAssembler(metadata).Assemble(events);
        if (areas.Count == 0)
        {
            throw new SeedImportException(file, null, glued
                ? "no credits found: expected headings followed by names"
                : "no credits found: expected a heading line followed by a line of names, or \"Name Role\" lines");
        }

        var id = Path.GetFileNameWithoutExtension(file);
        var title = metadata.Title ?? FirstTitleLine(text) ?? id;
        return new CreditsDocument(id, title, file, metadata.Url, areas);
    }

    /// <summary>Reads a page as UTF-8, refusing empty and binary files, and repairs Latin-1 mojibake.</summary>
    public static string ReadPage(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException e)
        {
            throw new SeedImportException(file, null, $"cannot read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SeedImportException(file, null, $"cannot read: {e.Message}");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? e.Index : 0;
            throw new SeedImportException(file, LineAt(bytes, at), "not a UTF-8 text file (binary data?)");
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Trim().Length == 0)
            throw new SeedImportException(file, null, "the file is empty");

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t') && c is < '\u0080' or > '\u009F')
                throw new SeedImportException(file, text[..i].Count(ch => ch == '\n') + 1, $"not a text file (control character U+{(int)c:X4})");
        }

        return MojibakeRepair.Repair(text.Replace("\r\n", "\n"));
    }

    private static int LineAt(byte[] bytes, int index) => bytes.Take(index).Count(b => b == (byte)'\n') + 1;

    // Accessibility links that scrapes of web pages start with; never a page's title.
    private static readonly string[] NavigationLines = ["Skip to main content", "Skip to content", "Skip navigation", "Menu"];

    private static string? FirstTitleLine(string text) =>
        text.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length is > 0 and <= 100 && TextShape.IsPlausibleHeading(l) &&
                                 !NavigationLines.Contains(l, StringComparer.OrdinalIgnoreCase));
}
