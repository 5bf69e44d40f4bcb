namespace CreditsBot.Core.Import;

/// <summary>A credits page or folder that cannot be imported; <see cref="Problem"/> says where and why.</summary>
public sealed class SeedImportException(ImportProblem problem) : Exception(problem.ToString())
{
    public SeedImportException(string file, int? line, string reason)
        : this(new ImportProblem(file, line, null, null, reason))
    {
    }

    public ImportProblem Problem { get; } = problem;

    public string File => Problem.File;

    public int? Line => Problem.Line;
}
