namespace CreditsBot.Cli;

/// <summary>The command-line verbs: each answers and exits, with no Discord and no token.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "person", "section", "role", "with", "compare", "mentions", "search", "register", "healthcheck", "help", "--help", "-h"];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var verb = args[0].ToLowerInvariant();
        var rest = args[1..];
        switch (verb)
        {
            case "import":
                return ImportVerb.Run(rest, output, error);
            case "person" or "section" or "role":
                return LookupVerbs.Run(verb, rest, output, error);
            case "with":
                return ConnectionsVerbs.With(rest, output, error);
            case "compare":
                return ConnectionsVerbs.Compare(rest, output, error);
            case "mentions":
                return MentionsVerb.Run(rest, output, error);
            case "search":
                return await LookupVerbs.RunBatchAsync(rest, input, output, error);
            case "register":
                return await RegisterVerb.RunAsync(rest, output, error);
            case "healthcheck":
                return await HealthcheckVerb.RunAsync(rest, output, error);
            default:
                output.WriteLine(Usage);
                return 0;
        }
    }

    public const string Usage = """
        CreditsBot: who did what on a big project, from its credits pages.

        Usage: dotnet run --project src/CreditsBot -- <verb> [arguments]
          person "<name>"          a person's credits, with fuzzy matching
          section "<name>"         a section's members in page order
          role "<query>"           who held a role ("triton lead", "reward model")
          with "<name>" [--json]   who shares the most credits with a person (small teams count most)
          compare "<a>" "<b>" [--json]
                                   sections together and apart, and the shortest chain between two people
          mentions "<text>" [--json]  every credited person the text names (as "Look up credits" on a message)
          import [--jsonl]         the parsed pages as an outline, or one JSON object per credit
          import --check           every problem of every page (exits 1 if any), skipped text, guesses
          search --jsonl           batch: reads KIND<TAB>TEXT lines on stdin, writes JSON lines
          register                 registers the slash commands with Discord (needs a token)
          healthcheck [URL]        exits 0 when the running worker's /healthz says it is ready
        With no verb, the worker runs: it indexes the pages and serves Discord.
        """;
}
