namespace CreditsBot.Core.Import;

/// <summary>
/// A page's text as the parsers read it (mojibake repaired) with a map back to the file as written, and the
/// problems and notes found while reading it. Parsers name places by offset in <see cref="Text"/>; the report
/// gives line and column in the original file.
/// </summary>
public sealed class PageText
{
    private readonly string original;
    private readonly int[] origins;
    private readonly int[] lineStarts;
    private readonly List<ImportProblem> problems = [];
    private readonly List<ImportNote> notes = [];

    public PageText(string file, string original)
    {
        File = file;
        this.original = original;
        var repaired = MojibakeRepair.RepairWithMap(original);
        Text = repaired.Text;
        origins = repaired.Origins;
        lineStarts = [0, .. original.Select((c, i) => (c, i)).Where(x => x.c == '\n').Select(x => x.i + 1)];
        foreach (var guess in repaired.Guesses)
        {
            var (line, column) = OriginalPlace(guess.Offset);
            notes.Add(new ImportNote(file, line, column, ImportNoteKind.Guessed, guess.Written, $"a lost byte: read as '{guess.Guess}'"));
        }
    }

    public string File { get; }

    /// <summary>The repaired text.</summary>
    public string Text { get; }

    public IReadOnlyList<ImportProblem> Problems => problems;

    public IReadOnlyList<ImportNote> Notes => notes;

    /// <summary>Line and column (1-based) in the file as written of an offset in <see cref="Text"/>.</summary>
    public (int Line, int Column) Place(int offset)
    {
        var at = offset >= origins.Length ? original.Length : origins[Math.Max(0, offset)];
        return OriginalPlace(at);
    }

    private (int Line, int Column) OriginalPlace(int at)
    {
        var index = Array.BinarySearch(lineStarts, at);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, at - lineStarts[line] + 1);
    }

    /// <summary>The 1-based line in the repaired text (the same as in the file: repair never adds or removes a line break).</summary>
    public int LineOf(int offset) => Place(offset).Line;

    public void Problem(int offset, string item, string reason)
    {
        var (line, column) = Place(offset);
        problems.Add(new ImportProblem(File, line, column, Shorten(item), reason));
    }

    public void Problem(string reason) => problems.Add(new ImportProblem(File, null, null, null, reason));

    public void Skipped(int offset, string text, string why)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        var (line, column) = Place(offset);
        notes.Add(new ImportNote(File, line, column, ImportNoteKind.Skipped, Shorten(text.Trim()), why));
    }

    public static string Shorten(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 80 ? trimmed : trimmed[..77] + "…";
    }
}
