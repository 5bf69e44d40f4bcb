using System.Text.RegularExpressions;

namespace CreditsBot.Tests.SelfHosting;

/// <summary>What the Dockerfile does, read from the Dockerfile itself so the smoke test cannot drift from it.</summary>
internal sealed partial record DockerfileRecipe(
    IReadOnlyList<string> RestoreArguments,
    IReadOnlyList<string> PublishArguments,
    IReadOnlyDictionary<string, string> Environment,
    string? User,
    int ExposedPort,
    IReadOnlyList<string> HealthcheckCommand,
    IReadOnlyList<string> Entrypoint)
{
    public static DockerfileRecipe Read(string path)
    {
        // Join continuation lines so each instruction is one line.
        var text = File.ReadAllText(path).Replace("\\\r\n", " ").Replace("\\\n", " ");
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        var runtimeStart = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var runtime = lines.Skip(runtimeStart).ToList();

        var restore = lines.Single(l => l.StartsWith("RUN dotnet restore", StringComparison.Ordinal));
        var publish = lines.Single(l => l.StartsWith("RUN dotnet publish", StringComparison.Ordinal));
        var environment = new Dictionary<string, string>();
        foreach (var env in runtime.Where(l => l.StartsWith("ENV ", StringComparison.Ordinal)))
        {
            foreach (Match pair in EnvPair().Matches(env[4..]))
                environment[pair.Groups[1].Value] = pair.Groups[2].Value;
        }

        return new DockerfileRecipe(
            Words(restore)[1..],
            Words(publish)[1..],
            environment,
            runtime.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal))?[5..].Trim(),
            int.Parse(runtime.Single(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal))[7..].Trim()),
            JsonArray(runtime.Single(l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal))),
            JsonArray(runtime.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))));
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];

    private static string[] JsonArray(string line) =>
        System.Text.Json.JsonSerializer.Deserialize<string[]>(line[line.IndexOf('[')..(line.LastIndexOf(']') + 1)])!;

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(\S+)")]
    private static partial Regex EnvPair();
}
