using System.Security.Cryptography;
using System.Text;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>
/// A hash of everything an index is built from: each page and metadata file (name, size, content) of each
/// folder, and the version of the index layout. Same fingerprint, same index: an on-disk index is reopened.
/// </summary>
public static class InputFingerprint
{
    /// <summary>Bump when analyzers, fields or ordering change, so old on-disk indexes are rebuilt.</summary>
    public const string IndexLayoutVersion = "creditsbot-index-3";

    public static string Compute(IEnumerable<string> folders)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, IndexLayoutVersion);
        foreach (var folder in folders)
        {
            Add(hash, "folder:" + Path.GetFullPath(folder));
            if (!Directory.Exists(folder))
            {
                Add(hash, "missing");
                continue;
            }
            var files = Directory.EnumerateFiles(folder)
                .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                Add(hash, "file:" + Path.GetFileName(file));
                try
                {
                    hash.AppendData(File.ReadAllBytes(file));
                }
                catch (IOException)
                {
                    Add(hash, "unreadable"); // being written: the next look sees the finished file
                }
                catch (UnauthorizedAccessException)
                {
                    Add(hash, "forbidden");
                }
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>A cheap look (names, sizes, write times) that tells whether the full fingerprint is worth computing again.</summary>
    public static string Stamp(IEnumerable<string> folders)
    {
        var stamp = new StringBuilder();
        foreach (var folder in folders)
        {
            stamp.Append(folder).Append('\n');
            if (!Directory.Exists(folder))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                stamp.Append(info.Name).Append(' ').Append(info.Exists ? info.Length : -1).Append(' ')
                    .Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append('\n');
            }
        }
        return stamp.ToString();
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
