namespace CreditsBot.Core.Import;

/// <summary>A seed file that cannot be imported: names the file and, where there is one, the line.</summary>
public sealed class SeedImportException : Exception
{
    public SeedImportException(string file, int? line, string problem)
        : base(line is { } l ? $"{file}:{l}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }

    public int? Line { get; }

    public string Problem { get; }
}
