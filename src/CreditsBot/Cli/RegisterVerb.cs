namespace CreditsBot.Cli;

internal static class RegisterVerb
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        error.WriteLine("register: not built yet");
        return Task.FromResult(2);
    }
}
