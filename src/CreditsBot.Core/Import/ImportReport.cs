using CreditsBot.Core.Model;

namespace CreditsBot.Core.Import;

/// <summary>Something that keeps a page out of the index: where it is in the file as written, the item, and why.</summary>
/// <param name="Line">1-based line in the file as written, when the problem has a place.</param>
/// <param name="Column">1-based column (in characters) in that line of the file as written.</param>
/// <param name="Item">The text the problem is about, shortened (a name, a heading, a line).</param>
public sealed record ImportProblem(string File, int? Line, int? Column, string? Item, string Reason)
{
    public override string ToString()
    {
        var place = Line is { } line ? Column is { } column ? $"{File}:{line}:{column}" : $"{File}:{line}" : File;
        return Item is null ? $"{place}: {Reason}" : $"{place}: '{Item}': {Reason}";
    }
}

/// <summary>What an import note says about a piece of the page.</summary>
public enum ImportNoteKind
{
    /// <summary>Text that is neither a credit nor a heading: navigation, prose, a page title.</summary>
    Skipped,

    /// <summary>A character the scrape lost (a dropped byte of a UTF-8 sequence), replaced by a best guess.</summary>
    Guessed,
}

/// <summary>A line of the import report: text skipped, or a character guessed, with its place in the file as written.</summary>
public sealed record ImportNote(string File, int Line, int Column, ImportNoteKind Kind, string Text, string Detail)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {(Kind == ImportNoteKind.Skipped ? "skipped" : "guessed")} '{Text}': {Detail}";
}

/// <summary>One page's import: the document when it was read, otherwise the problems that kept it out.</summary>
public sealed record PageImport(string File, CreditsDocument? Document, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportNote> Notes)
{
    public bool Succeeded => Document is not null && Problems.Count == 0;

    public string Name => Path.GetFileName(File);
}

/// <summary>Every page of an import, one by one: broken pages are reported and left out, the others make the catalog.</summary>
public sealed record ImportReport(IReadOnlyList<PageImport> Pages, IReadOnlyList<ImportProblem> FolderProblems)
{
    public IEnumerable<ImportProblem> AllProblems => FolderProblems.Concat(Pages.SelectMany(p => p.Problems));

    public bool HasProblems => AllProblems.Any();

    /// <summary>The documents of the pages that imported, in file order.</summary>
    public CreditsCatalog Catalog(DateTimeOffset importedAt) =>
        new(Pages.Where(p => p.Succeeded).Select(p => p.Document!).ToList(), importedAt);
}
