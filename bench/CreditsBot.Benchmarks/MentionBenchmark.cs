using System.Globalization;
using System.Text;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search;

namespace CreditsBot.Benchmarks;

/// <summary>
/// The message finder ("Look up credits", <see cref="ICreditsSearch.FindMentions"/>) timed on chat-like messages:
/// 200–2,000 characters of ordinary words with 0–5 of the corpus's names in them (half with a slip), and the same
/// without any name (a lone given name now and then, which must not count). Messages come from a seeded generator,
/// so every run times the same texts. Run in Release:
///   dotnet run -c Release --project bench/CreditsBot.Benchmarks -- --mentions [--credits 1000000] [--people 200000]
/// </summary>
internal static class MentionBenchmark
{
    private const int Messages = 100;
    private const int Rounds = 2;

    private static readonly string[] Words =
    [
        "the", "model", "and", "we", "shipped", "training", "run", "great", "work", "everyone", "thanks", "to", "for", "data",
        "pipeline", "cluster", "on", "this", "release", "eval", "numbers", "look", "good", "after", "fix", "kernel", "team",
        "launch", "meeting", "notes", "tomorrow", "review", "please", "doc", "with", "of", "in", "a", "is", "was", "it", "that",
        "long", "context", "vision", "safety", "checkpoint", "loss", "curve", "benchmark", "results", "huge", "shout", "out",
        "helped", "debug", "weekend", "ping", "me", "if", "questions", "lead", "led", "by", "from", "support", "infra",
    ];

    private static readonly string[] Punctuation = [",", ".", "!", ";", " —", "?"];

    public static int Run(int credits, int people)
    {
        Console.WriteLine($"Look up credits (MentionFinder): {Messages} messages of each kind, best of {Rounds} rounds; load average {LoadAverage()}");
        Console.WriteLine("| corpus | message | messages | names inserted | found | p50 µs | p99 µs | max µs | quiet p99 µs |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");

        var seeds = SeedPageImporter.ImportFolders([Path.Combine(AppContext.BaseDirectory, "seeds")]);
        using (var seedSearch = new CreditsSearchEngine())
        {
            seedSearch.Publish(seeds, "seeds");
            Measure("seeds", seeds, seedSearch);
        }

        if (credits > 0)
        {
            var synthetic = SyntheticCorpus.Build(credits, people);
            using var search = new CreditsSearchEngine();
            search.Publish(synthetic, "synthetic-" + credits + "-" + people);
            Measure($"{credits:N0} synthetic", synthetic, search);
        }
        Console.WriteLine($"load average at the end {LoadAverage()}; {Environment.ProcessorCount} cores");
        return 0;
    }

    private static void Measure(string corpus, CreditsCatalog catalog, ICreditsSearch search)
    {
        var names = catalog.Entries().Select(e => e.Person).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var givenNames = names.Select(n => n.Split(' ')[0]).Distinct(StringComparer.Ordinal).ToArray();
        var random = new Random(13);
        var withNames = Enumerable.Range(0, Messages).Select(_ => Message(random, names, givenNames, random.Next(6))).ToList();
        var ordinary = Enumerable.Range(0, Messages).Select(_ => Message(random, names, givenNames, 0)).ToList();

        Row(corpus, "200–2,000 chars, 0–5 names", withNames, search);
        Row(corpus, "200–2,000 chars, ordinary words", ordinary, search);
    }

    private static void Row(string corpus, string kind, List<GeneratedMessage> messages, ICreditsSearch search)
    {
        // Found: inserted names whose person is among the mentions (outside the timing). Only names the lookup
        // itself resolves count as inserted, so the figure measures the finder, not the typo tolerance of FindPerson.
        var inserted = 0;
        var found = 0;
        var extra = 0;
        foreach (var message in messages)
        {
            var keys = search.FindMentions(message.Text).Select(m => m.Person.Key).ToHashSet(StringComparer.Ordinal);
            var expected = message.Names.Select(n => search.FindPerson(n, limit: 1).Hits.FirstOrDefault()?.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
            inserted += expected.Count;
            found += expected.Count(keys.Contains);
            extra += keys.Count(k => !expected.Contains(k));
        }
        var mentions = 0;
        var figures = Latency.BestOf(Rounds, messages, m => mentions += search.FindMentions(m.Text).Count);
        GC.KeepAlive(mentions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {corpus} | {kind} (avg {messages.Average(m => m.Text.Length):F0} chars) | {figures.Count} | {inserted} | {found}{(extra > 0 ? $" (+{extra} not inserted)" : "")} | " +
            $"{figures.P50:F0} | {figures.P99:F0} | {figures.Max:F0} | {figures.QuietP99:F0} |"));
    }

    /// <summary>A message and the names (as written in it) that were put into it.</summary>
    private sealed record GeneratedMessage(string Text, IReadOnlyList<string> Names);

    private static GeneratedMessage Message(Random random, string[] names, string[] givenNames, int nameCount)
    {
        var length = random.Next(200, 2001);
        var text = new StringBuilder();
        var pieces = new List<string>();
        while (pieces.Sum(p => p.Length + 1) < length)
        {
            var word = Words[random.Next(Words.Length)];
            // A lone given name now and then ("thanks Greg"): a name of one word never counts.
            if (random.Next(40) == 0)
                word = givenNames[random.Next(givenNames.Length)];
            if (random.Next(9) == 0)
                word += Punctuation[random.Next(Punctuation.Length)];
            pieces.Add(word);
        }
        var inserted = new List<string>();
        for (var i = 0; i < nameCount; i++)
        {
            var name = names[random.Next(names.Length)];
            var written = (random.Next(4)) switch
            {
                0 => Slip(name, random),
                1 => Unaccented(name).ToLowerInvariant(),
                _ => name,
            };
            inserted.Add(written);
            pieces.Insert(random.Next(pieces.Count + 1), written);
        }
        text.AppendJoin(' ', pieces);
        return new GeneratedMessage(text.ToString(), inserted);
    }

    /// <summary>Swaps two neighbouring letters inside the longest word, when it has five letters or more.</summary>
    private static string Slip(string name, Random random)
    {
        var words = name.Split(' ');
        var longest = Array.IndexOf(words, words.MaxBy(w => w.Length));
        if (words[longest].Length < 5)
            return name;
        var chars = words[longest].ToCharArray();
        var at = 1 + random.Next(chars.Length - 3);
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        words[longest] = new string(chars);
        return string.Join(' ', words);
    }

    private static string Unaccented(string text) =>
        new(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
