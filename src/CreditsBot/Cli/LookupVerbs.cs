namespace CreditsBot.Cli;

/// <summary>person / section / role, and the batch `search --jsonl` verb.</summary>
internal static class LookupVerbs
{
    public static int Run(string verb, string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine($"{verb}: not built yet");
        return 2;
    }

    public static Task<int> RunBatchAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        error.WriteLine("search: not built yet");
        return Task.FromResult(2);
    }
}
