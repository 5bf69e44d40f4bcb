namespace CreditsBot.Cli;

/// <summary>The folders a verb reads: <c>--seeds DIR</c> (repeatable), else the pages bundled beside the app.</summary>
internal static class SeedFolders
{
    public static IReadOnlyList<string> FromArgs(string[] args)
    {
        var folders = new List<string>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--seeds") folders.Add(args[i + 1]);
        }

        return folders.Count > 0 ? folders : [Path.Combine(AppContext.BaseDirectory, "seeds")];
    }
}
