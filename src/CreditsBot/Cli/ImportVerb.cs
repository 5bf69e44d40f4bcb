namespace CreditsBot.Cli;

internal static class ImportVerb
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("import: not built yet");
        return 2;
    }
}
