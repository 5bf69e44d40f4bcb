using CreditsBot.Core.Search.Index;
using Lucene.Net.Index;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>
/// An index kept on disk as generations: each build goes into a new sub-folder, and a one-line file
/// (<see cref="PointerFile"/>) names the generation that serves. The pointer is replaced atomically only
/// after a build committed, so a failed build, or a crash in the middle of one, leaves the last good
/// index as it was; the folders of unfinished builds are removed by the next build.
/// </summary>
internal sealed class OnDiskIndexFolder(string root)
{
    public const string PointerFile = "current";
    private const string GenerationPrefix = "gen-";

    public string Root { get; } = root;

    /// <summary>The folder of the generation that serves, or null when there is none yet.</summary>
    public string? CurrentGeneration()
    {
        var pointer = Path.Combine(Root, PointerFile);
        try
        {
            var name = File.Exists(pointer) ? File.ReadAllText(pointer).Trim() : "";
            var folder = Path.Combine(Root, name);
            return name.StartsWith(GenerationPrefix, StringComparison.Ordinal) && System.IO.Directory.Exists(folder) ? folder : null;
        }
        catch (IOException)
        {
            return null; // an unreadable pointer: the next build writes a new one
        }
    }

    /// <summary>Opens the serving generation when its commit carries <paramref name="fingerprint"/>; null otherwise.</summary>
    public LuceneDirectory? OpenIfCurrent(string fingerprint)
    {
        if (CurrentGeneration() is not { } folder)
            return null;
        var directory = FSDirectory.Open(folder);
        if (StoredFingerprint(directory) == fingerprint)
            return directory;
        directory.Dispose();
        return null;
    }

    /// <summary>
    /// Writes a new generation with <paramref name="write"/> and makes it current. On failure the new folder is
    /// closed and deleted and the exception goes on; the serving generation is never touched.
    /// </summary>
    public LuceneDirectory Build(Action<LuceneDirectory> write)
    {
        System.IO.Directory.CreateDirectory(Root);
        var previous = CurrentGeneration();
        var name = $"{GenerationPrefix}{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}"[..40];
        var folder = Path.Combine(Root, name);
        var directory = FSDirectory.Open(folder);
        try
        {
            write(directory);
            var pointer = Path.Combine(Root, PointerFile);
            var temporary = pointer + ".tmp";
            File.WriteAllText(temporary, name);
            File.Move(temporary, pointer, overwrite: true);
        }
        catch
        {
            directory.Dispose();
            DeleteQuietly(folder);
            throw;
        }

        RemoveGenerationsExcept(folder, previous);
        return directory;
    }

    /// <summary>Deletes unfinished and retired generations, keeping the new one and the one that may still answer running lookups.</summary>
    private void RemoveGenerationsExcept(string current, string? previous)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Root, GenerationPrefix + "*"))
        {
            if (folder != current && folder != previous)
                DeleteQuietly(folder);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // still open somewhere: the next build removes it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string? StoredFingerprint(LuceneDirectory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                return null;
            var commits = DirectoryReader.ListCommits(directory);
            return commits.Count == 0 ? null : commits[^1].UserData.TryGetValue(IndexFields.FingerprintKey, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null; // a damaged generation is rebuilt
        }
    }
}
