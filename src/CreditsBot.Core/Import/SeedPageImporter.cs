using System.Text;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Import;

/// <summary>
/// Turns folders of credits pages (<c>*.txt</c> scrapes, <c>*.md</c> hand-written pages, <c>.all-contributorsrc</c>;
/// a <c>*.meta.json</c> may stand beside each) into documents, one page at a time: a page that cannot be read
/// is reported with its problems and left out, and the other pages import as usual.
/// </summary>
public static class SeedPageImporter
{
    /// <summary>Imports every page of the folders, one by one, and reports each.</summary>
    public static ImportReport ImportPages(IEnumerable<string> folders)
    {
        var files = new List<string>();
        var problems = new List<ImportProblem>();
        var folderList = folders.ToList();
        foreach (var folder in folderList)
        {
            if (!Directory.Exists(folder))
            {
                problems.Add(new ImportProblem(folder, null, null, null, "credits folder not found"));
                continue;
            }

            files.AddRange(PageShapes.FilesIn(folder).Where(PageShapes.IsPage));
        }

        if (files.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(string.Join(", ", folderList), null, null, null, "no credits pages (*.txt, *.md, .all-contributorsrc) found"));

        return ImportFiles(files) with { FolderProblems = problems };
    }

    /// <summary>Imports the given pages one by one; names from the lists of all of them settle lead lines.</summary>
    public static ImportReport ImportFiles(IReadOnlyList<string> files)
    {
        var read = files.Select(f => (File: f, Page: ReadPage(f, out var problem), Problem: problem)).ToList();

        // Names from every list of every page settle where a lead's name ends in "Name Role" lines.
        var knownNames = new HashSet<string>(
            read.Where(r => r.Page is not null && PageShapes.Of(r.File, r.Page.Text) == PageShape.Lines)
                .SelectMany(r => LinePageParser.ListNames(r.Page!.Text)),
            StringComparer.Ordinal);

        var pages = new List<PageImport>();
        foreach (var (file, page, problem) in read)
        {
            if (page is null)
            {
                pages.Add(new PageImport(file, null, [problem!], []));
                continue;
            }

            var imported = ImportPage(page, knownNames);
            if (imported.Document is { } document && pages.Any(p => p.Document?.Id == document.Id))
                imported = imported with { Problems = [.. imported.Problems, new ImportProblem(file, null, null, document.Id, "another page is already named like this")] };
            pages.Add(imported);
        }

        return new ImportReport(pages, []);
    }

    /// <summary>All or nothing, for the command-line lookups and tests: the catalog, or the first problem thrown.</summary>
    public static CreditsCatalog ImportFolders(IEnumerable<string> folders) => Strict(ImportPages(folders));

    public static CreditsDocument ImportFile(string path) => Strict(ImportFiles([path])).Documents[0];

    private static CreditsCatalog Strict(ImportReport report)
    {
        if (report.AllProblems.FirstOrDefault() is { } problem)
            throw new SeedImportException(problem);
        return report.Catalog(DateTimeOffset.UtcNow);
    }

    /// <summary>Imports one page from its text, as if it were the only page of the import (its own lists settle its leads).</summary>
    public static PageImport ImportText(string file, string text)
    {
        var page = new PageText(file, text);
        var knownNames = PageShapes.Of(file, page.Text) == PageShape.Lines ? LinePageParser.ListNames(page.Text).ToHashSet(StringComparer.Ordinal) : null;
        return ImportPage(page, knownNames);
    }

    /// <summary>Parses one page (already read and repaired) in its shape; its problems and notes are on the result.</summary>
    public static PageImport ImportPage(PageText page, ISet<string>? knownNames = null)
    {
        PageMetadata metadata;
        try
        {
            metadata = PageMetadata.ForPage(page.File);
        }
        catch (SeedImportException e)
        {
            return new PageImport(page.File, null, [e.Problem], page.Notes);
        }

        var shape = PageShapes.Of(page.File, page.Text);
        var (events, pageTitle) = shape switch
        {
            PageShape.Glued => (GluedPageParser.Parse(page, metadata.Title), null),
            PageShape.Markdown => MarkdownPageParser.Parse(page),
            PageShape.AllContributors => AllContributorsParser.Parse(page),
            _ => (LinePageParser.Parse(page, knownNames ?? new HashSet<string>()), (string?)null),
        };

        var areas = new PageAssembler(metadata).Assemble(events);
        if (areas.Count == 0 && page.Problems.Count == 0)
        {
            page.Problem(shape switch
            {
                PageShape.Glued => "no credits found: expected headings followed by names",
                PageShape.Lines => "no credits found: expected a heading line followed by a line of names, or \"Name Role\" lines",
                _ => "no credits found",
            });
        }

        if (page.Problems.Count > 0)
            return new PageImport(page.File, null, page.Problems.ToList(), page.Notes.ToList());

        var title = metadata.Title ?? pageTitle ?? FirstTitleLine(page.Text) ?? DocumentId(page.File, null);
        var url = metadata.Url ?? (shape == PageShape.Markdown ? MarkdownPageParser.FrontMatterUrl(page.Text) : null);
        var document = new CreditsDocument(DocumentId(page.File, pageTitle), title, page.File, url, areas);
        return new PageImport(page.File, document, [], page.Notes.ToList());
    }

    /// <summary>The file name without its extension ("gpt-4"); for a file with no name of its own (.all-contributorsrc), its title.</summary>
    private static string DocumentId(string file, string? title)
    {
        var id = Path.GetFileNameWithoutExtension(file);
        if (id.Length > 0) return id;
        var slug = new string((title ?? "").ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length > 0 ? slug : "all-contributors";
    }

    /// <summary>Reads a page as strict UTF-8, refusing empty and binary files, and repairs Latin-1 mojibake; null with a problem otherwise.</summary>
    public static PageText? ReadPage(string file, out ImportProblem? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = new ImportProblem(file, null, null, null, $"cannot read: {e.Message}");
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? e.Index : 0;
            var line = bytes.Take(at).Count(b => b == (byte)'\n') + 1;
            problem = new ImportProblem(file, line, null, null, "not a UTF-8 text file (binary data?)");
            return null;
        }

        if (text.Length > 0 && text[0] == '\uFEFF') text = " " + text[1..]; // keep columns as written
        if (text.Trim().Length == 0)
        {
            problem = new ImportProblem(file, null, null, null, "the file is empty");
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t') && c is < '\u0080' or > '\u009F')
            {
                var line = text[..i].Count(ch => ch == '\n') + 1;
                var column = i - text.LastIndexOf('\n', Math.Max(0, i - 1)) ;
                problem = new ImportProblem(file, line, column, null, $"not a text file (control character U+{(int)c:X4})");
                return null;
            }
        }

        return new PageText(file, text);
    }

    private static string? FirstTitleLine(string text) =>
        text.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.Length is > 0 and <= 100 && TextShape.IsPlausibleHeading(l) &&
                                 !TextShape.IsNavigation(l));
}
