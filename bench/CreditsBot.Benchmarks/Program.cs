using System.Diagnostics;
using CreditsBot.Benchmarks;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Search figures for docs/search.md. Run in Release:
//   dotnet run -c Release --project bench/CreditsBot.Benchmarks -- [--credits 1000000] [--people 200000] [--queries 2000] [--baseline 100]
// The generated evaluation (accuracy beside the WRatio baseline, both parts):
//   dotnet run -c Release --project bench/CreditsBot.Benchmarks -- --eval [--per-class 200]
var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
var clock = Stopwatch.StartNew();
var options = BenchOptions.Parse(args);
if (args.Contains("--mentions"))
    return MentionBenchmark.Run(options.Credits, options.People);

if (args.Contains("--host-ready"))
{
    // A generic host with the search as the bot wires it: time from process start until lookups answer.
    var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
        new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
    builder.Logging.ClearProviders();
    builder.Services.AddCreditsSearch(builder.Configuration);
    using var host = builder.Build();
    var search = host.Services.GetRequiredService<ICreditsSearch>();
    await host.StartAsync();
    while (!search.IsReady && clock.Elapsed < TimeSpan.FromSeconds(30))
        await Task.Delay(1);
    var answered = search.FindPerson("Lukasz Kaiser").Hits.Count > 0;
    Console.WriteLine($"Host: ready {(DateTime.UtcNow - processStart).TotalMilliseconds:F0} ms after process start " +
        $"({clock.Elapsed.TotalMilliseconds:F0} ms after Main), first answer {(answered ? "right" : "missing")}");
    await host.StopAsync();
    return 0;
}

// 1. The bundled pages: how soon the first answer comes, then latency per lookup.
var seeds = SeedPageImporter.ImportFolders([Path.Combine(AppContext.BaseDirectory, "seeds")]);
using var seedSearch = new CreditsSearchEngine();
seedSearch.Publish(seeds, "seeds");
seedSearch.FindPerson("Greg Brockman");
var readyAfter = clock.Elapsed;
var sinceProcessStart = DateTime.UtcNow - processStart;
Console.WriteLine($"Seeds: {seeds.CreditCount} credits, {seeds.PersonCount} names, {seeds.SectionCount} sections");
Console.WriteLine($"Seeds: imported, indexed and first answer {readyAfter.TotalMilliseconds:F0} ms after Main; {sinceProcessStart.TotalMilliseconds:F0} ms after process start");
if (args.Contains("--eval"))
    return GeneratedEvaluation.Run(seeds, seedSearch, options.PerClass);
var probe = Array.IndexOf(args, "--probe");
if (probe >= 0)
{
    // Times one query (on the seeds, or on a synthetic corpus with --probe-credits N), for looking into a slow case.
    var probeSearch = seedSearch;
    var probeCredits = Array.IndexOf(args, "--probe-credits");
    if (probeCredits >= 0)
    {
        probeSearch = new CreditsSearchEngine();
        probeSearch.Publish(SyntheticCorpus.Build(int.Parse(args[probeCredits + 1]), options.People), "synthetic-" + args[probeCredits + 1], options.IndexFolder);
    }
    if (!args[(probe + 1)..].Any(a => a.Contains(':')))
    {
        // Without queries to time: the mix and the slowest queries of a sample, of every kind or of --probe-kind's.
        var sample = QuerySets.From(probeCredits >= 0 ? SyntheticCorpus.Build(int.Parse(args[probeCredits + 1]), options.People) : seeds, 2000, 11);
        var only = Array.IndexOf(args, "--probe-kind") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var slow = sample.People.Take(only is null or "person" ? 600 : 0).Select(q => (q, Enumerable.Range(0, 3).Min(_ => Latency.Measure([q], x => probeSearch.FindPerson(x), warmUp: true).P50)))
            .OrderByDescending(x => x.Item2).Take(8);
        foreach (var (q, micros) in slow)
            Console.WriteLine($"slow person query \"{q}\": {micros:F0} µs, {probeSearch.FindPerson(q).Hits.Count} hits");
        foreach (var (kind, queries, lookup) in new (string, List<string>, Func<string, int>)[]
            {
                ("role", sample.Roles, q => probeSearch.FindRole(q).Hits.Count), ("section", sample.Sections, q => probeSearch.FindSection(q).Hits.Count),
                ("section autocomplete", sample.Prefixes, q => probeSearch.Autocomplete(AutocompleteKind.Section, q).Count),
            }.Where(k => only is null || k.Item1 == only))
        {
            var mix = Latency.BestOf(3, queries, q => lookup(q));
            Console.WriteLine($"{kind} mix of {mix.Count}: p50 {mix.P50:F0} µs, p99 {mix.P99:F0} µs, quiet p99 {mix.QuietP99:F0} µs");
            var slowest = queries.Take(600).Select(q => (q, Enumerable.Range(0, 3).Min(_ => Latency.Measure([q], x => lookup(x), warmUp: true).P50)))
                .OrderByDescending(x => x.Item2).Take(8);
            foreach (var (q, micros) in slowest)
                Console.WriteLine($"slow {kind} query \"{q}\": {micros:F0} µs, {lookup(q)} hits");
        }
    }
    foreach (var text in args[(probe + 1)..].Where(a => a.Contains(':')))
    {
        var kind = text.Split(':')[0];
        var q = text[(kind.Length + 1)..];
        Func<string> run = kind switch
        {
            "person" => () => Describe(probeSearch.FindPerson(q).Hits.Select(h => h.Name)),
            "role" => () => Describe(probeSearch.FindRole(q).Hits.Select(h => h.Person)),
            "section" => () => Describe(probeSearch.FindSection(q).Hits.Select(h => h.DisplayName)),
            "sections" => () => Describe(probeSearch.Autocomplete(AutocompleteKind.Section, q).Select(c => c.Name)),
            _ => () => Describe(probeSearch.Autocomplete(AutocompleteKind.Person, q).Select(c => c.Name)),
        };
        var (gcs, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
        var figures = Latency.Measure(Enumerable.Repeat(0, 2000).ToList(), _ => run());
        (gcs, paused) = (GC.CollectionCount(0) - gcs, GC.GetTotalPauseDuration() - paused);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var described = run();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"{text}: p50 {figures.P50:F0} µs, p99 {figures.P99:F0} µs, {allocated / 1024.0:F0} KiB allocated, {gcs} collections pausing {paused.TotalMilliseconds:F0} ms in {300 + 300} runs; {described}");
    }
    static string Describe(IEnumerable<string> hits)
    {
        var all = hits.ToList();
        return $"{all.Count} hits{(all.Count > 0 ? ", first " + all[0] : "")}";
    }
    return 0;
}
Console.WriteLine();
Report.Header();
RunLookups("seeds", seeds, seedSearch, options.Queries, options.Queries);

if (options.Credits > 0)
{
    // 2. A synthetic catalog of the requested size.
    GC.Collect();
    var built = Stopwatch.StartNew();
    var synthetic = SyntheticCorpus.Build(options.Credits, options.People);
    var generated = built.Elapsed;
    built.Restart();
    using var search = new CreditsSearchEngine();
    var reopened = search.Publish(synthetic, "synthetic-" + options.Credits + "-" + options.People, options.IndexFolder);
    var indexed = built.Elapsed;
    Console.WriteLine();
    Console.WriteLine($"Synthetic: {synthetic.CreditCount:N0} credits, {search.Summary!.People:N0} people, {synthetic.SectionCount:N0} sections, " +
        $"{synthetic.Documents.Count} documents (generated in {generated.TotalSeconds:F1} s)");
    Console.WriteLine($"Synthetic: index {(reopened ? "reopened" : "built")} in {indexed.TotalSeconds:F1} s ({(options.IndexFolder is null ? "in memory" : "on disk")}); " +
        $"managed heap after build {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MiB");
    Console.WriteLine();
    Report.Header();
    RunLookups("1M synthetic", synthetic, search, options.Queries, options.Baseline);
}

using var self = Process.GetCurrentProcess();
Console.WriteLine();
Console.WriteLine($"Peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB; GC heap high-water (last GC) {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB; " +
    $"gen2 collections {GC.CollectionCount(2)}; total run {clock.Elapsed.TotalSeconds:F0} s; {Environment.ProcessorCount} cores");
return 0;

static void RunLookups(string corpus, CreditsCatalog catalog, CreditsSearchEngine search, int queries, int baselineQueries)
{
    var sets = QuerySets.From(catalog, queries, seed: 11);
    var baseline = new NaiveBaseline(catalog);
    var folded = QuerySets.From(catalog, baselineQueries, seed: 11);
    var hits = 0;
    // Warm-up over every mix, so the tiered JIT has recompiled the hot paths before anything is timed.
    for (var pass = 0; pass < 2; pass++)
    {
        foreach (var q in sets.People) hits += search.FindPerson(q).Hits.Count;
        foreach (var q in sets.Prefixes) hits += search.Autocomplete(AutocompleteKind.Person, q).Count + search.Autocomplete(AutocompleteKind.Section, q).Count;
        foreach (var q in sets.Roles) hits += search.FindRole(q).Hits.Count;
        foreach (var q in sets.Sections) hits += search.FindSection(q).Hits.Count;
    }
    Thread.Sleep(500); // let background tier-1 compilation finish
    Report.Row(corpus, "person", Latency.BestOf(5, sets.People, q => hits += search.FindPerson(q).Hits.Count),
        Latency.BestOf(3, folded.People.Select(NaiveBaseline.Fold).ToList(), q => baseline.Person(q)));
    Report.Row(corpus, "autocomplete", Latency.BestOf(5, sets.Prefixes, q => hits += search.Autocomplete(AutocompleteKind.Person, q).Count),
        Latency.BestOf(3, folded.Prefixes.Select(NaiveBaseline.Fold).ToList(), q => baseline.Autocomplete(q)));
    Report.Row(corpus, "role", Latency.BestOf(5, sets.Roles, q => hits += search.FindRole(q).Hits.Count),
        Latency.BestOf(3, folded.Roles.Select(NaiveBaseline.Fold).ToList(), q => baseline.Role(q)));
    Report.Row(corpus, "section", Latency.BestOf(5, sets.Sections, q => hits += search.FindSection(q).Hits.Count),
        Latency.BestOf(3, folded.Sections.Select(NaiveBaseline.Fold).ToList(), q => baseline.Section(q)));
    Report.Row(corpus, "section autocomplete", Latency.BestOf(5, sets.Prefixes, q => hits += search.Autocomplete(AutocompleteKind.Section, q).Count),
        Latency.BestOf(3, folded.Prefixes.Select(NaiveBaseline.Fold).ToList(), q => baseline.SectionAutocomplete(q)));
    RunConnections(corpus, search, sets.People, ref hits);
    // Hostile text through every lookup: it must stay as fast as the rest.
    string[] hostile =
    [
        "name:*", "a AND OR (", "*", "~", new string('a', 6000), string.Concat(Enumerable.Repeat("🙂", 3000)),
        "\u202e\u0000\u001f", string.Join(' ', Enumerable.Range(0, 2000).Select(i => "w" + i)), "+-&&||!(){}[]^\"~*?:\\/", "e e e e e e e e",
    ];
    var hostileQueries = Enumerable.Range(0, 50).SelectMany(_ => hostile).ToList();
    Report.Row(corpus, "hostile (all five lookups)", Latency.BestOf(5, hostileQueries, q =>
    {
        hits += search.FindPerson(q).Hits.Count + search.FindSection(q).Hits.Count + search.FindRole(q).Hits.Count;
        hits += search.Autocomplete(AutocompleteKind.Person, q).Count + search.Autocomplete(AutocompleteKind.Section, q).Count;
    }), null);
    GC.KeepAlive(hits);
}

// /credits with and /credits compare as the commands run them: the typed names resolved, then the connections.
static void RunConnections(string corpus, CreditsSearchEngine search, List<string> people, ref int hits)
{
    string Key(string query) => search.FindPerson(query, 1).Hits[0].Key;
    var found = people.Where(q => search.FindPerson(q, 1).Hits.Count > 0).ToList();
    var count = 0;
    Report.Row(corpus, "with (resolve + best 100)", Latency.BestOf(5, found, q => count += search.Collaborators(Key(q), 100)?.Total ?? 0), null);
    // Pairs that share no section, so that every compare searches for a chain.
    var pairs = found.Zip(found.Skip(1).Concat(found.Take(1)))
        .Where(p => search.Compare(Key(p.First), Key(p.Second)) is { Shared.Count: 0, SamePerson: false })
        .ToList();
    var lengths = pairs.Select(p => search.Compare(Key(p.First), Key(p.Second))!.Chain?.Count ?? 0).GroupBy(l => l).OrderBy(g => g.Key)
        .Select(g => g.Key == 0 ? $"no link {g.Count()}" : $"{g.Key} steps {g.Count()}");
    Report.Row(corpus, "compare, nothing shared (resolve both + chain)", Latency.BestOf(5, pairs, p =>
        count += search.Compare(Key(p.First), Key(p.Second))?.Chain?.Count ?? 0), null);
    Console.WriteLine($"|  | chains of the compare pairs: {string.Join(", ", lengths)} |  |  |  |  |  |  |  |  |");
    hits += count;
}

internal sealed record BenchOptions(int Credits, int People, int Queries, int Baseline, string? IndexFolder, int PerClass)
{
    public static BenchOptions Parse(string[] args)
    {
        int Int(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
        }
        var disk = Array.IndexOf(args, "--index-folder");
        return new BenchOptions(
            Int("--credits", 1_000_000), Int("--people", 200_000), Int("--queries", 2000), Int("--baseline", 100),
            disk >= 0 && disk + 1 < args.Length ? args[disk + 1] : null,
            Int("--per-class", 200));
    }
}

internal static class Report
{
    public static void Header()
    {
        Console.WriteLine("| corpus | lookup | queries | p50 µs | p99 µs | max µs | quiet p99 µs | naive scan p50 µs | naive scan p99 µs | faster than the scan at p99 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    public static void Row(string corpus, string lookup, Latency.Figures lucene, Latency.Figures? naive) =>
        Console.WriteLine($"| {corpus} | {lookup} | {lucene.Count} | {lucene.P50:F0} | {lucene.P99:F0} | {lucene.Max:F0} | {lucene.QuietP99:F0} | " +
            $"{(naive is null ? "–" : naive.P50.ToString("F0"))} | {(naive is null ? "–" : naive.P99.ToString("F0"))} | " +
            $"{(naive is null || lucene.P99 <= 0 ? "–" : (naive.P99 / lucene.P99).ToString("F1") + "×")} |");
}
