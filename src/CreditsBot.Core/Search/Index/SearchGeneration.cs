using System.Collections.Concurrent;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CreditsBot.Core.Search.Index;

/// <summary>
/// One built index and the data it points into, swapped as a unit. The <see cref="SearcherManager"/>
/// reference-counts readers, so a query that acquired this generation finishes safely even after a
/// newer one has replaced it and this one is disposed.
/// </summary>
internal sealed class SearchGeneration : IDisposable
{
    private readonly LuceneDirectory directory;

    public SearchGeneration(CreditsIndexData data, LuceneDirectory directory, string fingerprint)
    {
        Data = data;
        this.directory = directory;
        Fingerprint = fingerprint;
        Searchers = new SearcherManager(directory, new SearcherFactory());
    }

    public CreditsIndexData Data { get; }

    public SearcherManager Searchers { get; }

    public string Fingerprint { get; }

    /// <summary>Who shares sections with whom (built in <see cref="CreditsSearchEngine.Publish"/>, before the generation serves).</summary>
    public Connections.ConnectionGraph? Connections { get; set; }

    /// <summary>"Also credited as" per person ordinal, computed on first request.</summary>
    public ConcurrentDictionary<int, IReadOnlyList<string>> Variants { get; } = new();

    private int references = 1; // the owner's reference, dropped by Dispose

    /// <summary>Takes a reference for one lookup; false if the generation is already retired and closed.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var count = Volatile.Read(ref references);
            if (count == 0)
                return false;
            if (Interlocked.CompareExchange(ref references, count + 1, count) == count)
                return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
        {
            Searchers.Dispose();
            directory.Dispose();
        }
    }

    /// <summary>Retires the generation: it closes once the last running lookup releases it.</summary>
    public void Dispose() => Release();
}
