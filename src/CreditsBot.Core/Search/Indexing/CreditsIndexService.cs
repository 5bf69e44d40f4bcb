using System.Diagnostics;
using CreditsBot.Core.Configuration;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>
/// Builds the search index from the seed folders at start, then keeps it current: a file watcher (and, for
/// mounts where watchers are deaf, a slow poll) triggers a look; when the inputs' fingerprint changed the
/// pages are re-imported one by one and the new index is swapped in. A page that fails to import is logged
/// (one line per page) and left out; its last good version, if it had one, keeps serving.
/// </summary>
public sealed class CreditsIndexService : BackgroundService
{
    /// <summary>Quiet time after the last file event before a rebuild, so a copy of several files rebuilds once.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);

    /// <summary>How often the folders are checked even without file events.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly CreditsSearchEngine engine;
    private readonly ICreditsCatalogSource source;
    private readonly CreditsOptions options;
    private readonly ILogger<CreditsIndexService> logger;
    private long failedRefreshes;
    private readonly string baseFolder;
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly SemaphoreSlim changed = new(0, int.MaxValue);
    private readonly Dictionary<string, CreditsDocument> lastGood = new(StringComparer.Ordinal);
    private string? lastStamp;
    private string? lastInputs;

    public CreditsIndexService(
        CreditsSearchEngine engine,
        ICreditsCatalogSource source,
        IOptions<CreditsOptions> options,
        ILogger<CreditsIndexService> logger,
        IHostEnvironment? environment = null)
    {
        this.engine = engine;
        this.source = source;
        this.options = options.Value;
        this.logger = logger;
        baseFolder = environment?.ContentRootPath is { Length: > 0 } root ? root : AppContext.BaseDirectory;
        Folders = this.options.SeedFolders
            .Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => Path.GetFullPath(f, baseFolder))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        IndexFolder = string.IsNullOrWhiteSpace(this.options.IndexFolder) ? null : Path.GetFullPath(this.options.IndexFolder, baseFolder);
    }

    /// <summary>The seed folders as absolute paths (relative ones are taken from the app's folder).</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The on-disk index folder, or null for an in-memory index.</summary>
    public string? IndexFolder { get; }

    /// <summary>Looks at the folders once and rebuilds, reopens or keeps the index. Never throws.</summary>
    public IndexRefresh Refresh() => Refresh(onlyIfTouched: false);

    /// <summary>Refreshes that failed since the start (a page that could not be read or indexed), for metrics.</summary>
    public long FailedRefreshes => Interlocked.Read(ref failedRefreshes);

    private IndexRefresh Refresh(bool onlyIfTouched)
    {
        refreshing.Wait();
        try
        {
            // The periodic look only hashes the pages when a name, size or write time moved.
            var stamp = InputFingerprint.Stamp(Folders);
            if (onlyIfTouched && stamp == lastStamp)
                return IndexRefresh.Unchanged;
            lastStamp = stamp;
            var inputs = InputFingerprint.Compute(Folders);
            if (inputs == lastInputs)
                return IndexRefresh.Unchanged;

            var clock = Stopwatch.StartNew();
            var report = source.Load(Folders);
            var catalog = ServedCatalog(report);
            LogProblems(report);
            lastInputs = inputs;
            if (catalog.Documents.Count == 0)
            {
                logger.LogError(engine.IsReady
                    ? "No credits page could be indexed; the previous index keeps serving"
                    : "No credits page could be indexed; lookups answer nothing until the pages are fixed");
                return IndexRefresh.Failed;
            }

            var fingerprint = InputFingerprint.Of(catalog);
            if (fingerprint == engine.Fingerprint)
                return IndexRefresh.Unchanged;
            var reopened = engine.Publish(catalog, fingerprint, IndexFolder);
            logger.LogInformation(
                "Search index {Action} in {Milliseconds} ms: {Documents} documents, {Sections} sections, {People} people, {Credits} credits",
                reopened ? "reopened" : "built", clock.ElapsedMilliseconds, catalog.Documents.Count, catalog.SectionCount,
                engine.Summary?.People ?? 0, catalog.CreditCount);
            return reopened ? IndexRefresh.Reopened : IndexRefresh.Rebuilt;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogError(exception, engine.IsReady
                ? "The credits pages changed but could not be indexed; the previous index keeps serving"
                : "The credits pages could not be indexed; lookups answer nothing until they are fixed");
            Interlocked.Increment(ref failedRefreshes);
            return IndexRefresh.Failed;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>
    /// The documents to serve: each page that imported, and for a rejected page its last good version, if it had one.
    /// Records every page's status on the engine.
    /// </summary>
    private CreditsCatalog ServedCatalog(ImportReport report)
    {
        var present = report.Pages.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in lastGood.Keys.Where(f => !present.Contains(f)).ToList())
            lastGood.Remove(gone);

        var documents = new List<CreditsDocument>();
        var statuses = new List<PageStatus>();
        foreach (var page in report.Pages)
        {
            if (page.Succeeded)
                lastGood[page.File] = page.Document!;
            var served = lastGood.GetValueOrDefault(page.File);
            if (served is not null && documents.All(d => d.Id != served.Id))
                documents.Add(served);
            statuses.Add(new PageStatus(page.Name, page.Succeeded ? null : page.Problems[0].ToString(), page.Problems.Count, !page.Succeeded && served is not null));
        }

        statuses.AddRange(report.FolderProblems.Select(p => new PageStatus(p.File, p.ToString(), 1, false)));
        engine.ReportPages(statuses);
        return new CreditsCatalog(documents, DateTimeOffset.UtcNow);
    }

    /// <summary>One log line per problem, with its place and reason; never a stack trace.</summary>
    private void LogProblems(ImportReport report)
    {
        foreach (var problem in report.FolderProblems)
            logger.LogError("Credits folder problem: {Problem}", problem.ToString());
        foreach (var page in report.Pages.Where(p => !p.Succeeded))
        {
            logger.LogError("Credits page {Page} rejected ({Served}): {Problem}{More}", page.Name,
                lastGood.ContainsKey(page.File) ? "its last good version keeps serving" : "not served",
                page.Problems[0].ToString(), page.Problems.Count > 1 ? $" (and {page.Problems.Count - 1} more problems)" : "");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting while the index builds
        Refresh();
        if (!options.WatchForChanges)
            return;

        var watchers = Folders.Where(Directory.Exists).Select(Watch).ToList();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var signalled = await changed.WaitAsync(PollInterval, stoppingToken);
                // Wait until the files have been quiet for a moment.
                while (await changed.WaitAsync(Debounce, stoppingToken))
                {
                }
                Refresh(onlyIfTouched: !signalled);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var watcher in watchers)
                watcher.Dispose();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        refreshing.Dispose();
        changed.Dispose();
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        void Signal(object? sender, EventArgs e) => changed.Release();
        watcher.Created += Signal;
        watcher.Changed += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += Signal;
        watcher.Error += (_, e) => logger.LogWarning(e.GetException(), "Watching {Folder} failed; changes are still found by polling", folder);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
