using System.Security.Cryptography;
using System.Text;
using CreditsBot.Core.Import;
using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Indexing;

/// <summary>
/// Hashes that tell when to work: <see cref="Compute"/> of the input files (each page and metadata file of each
/// folder), so unchanged folders are not re-imported; <see cref="Of"/> of the documents served and the index
/// layout, so an on-disk index of the same documents is reopened rather than rebuilt.
/// </summary>
public static class InputFingerprint
{
    /// <summary>Bump when analyzers, fields or ordering change, so old on-disk indexes are rebuilt.</summary>
    public const string IndexLayoutVersion = "creditsbot-index-5";

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
            var files = PageShapes.FilesIn(folder)
                .Where(f => PageShapes.IsPage(f) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
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

    /// <summary>A hash of the documents an index is built from (and the layout version): same documents, same index.</summary>
    public static string Of(CreditsCatalog catalog)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, IndexLayoutVersion);
        foreach (var document in catalog.Documents)
        {
            Add(hash, $"document:{document.Id}\n{document.Title}\n{document.Url}");
            foreach (var area in document.Areas)
            {
                Add(hash, "area:" + area.Title);
                foreach (var section in area.Sections)
                {
                    Add(hash, "section:" + section.Title);
                    foreach (var credit in section.Credits)
                        Add(hash, $"{credit.Person}\n{credit.Role}");
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
            foreach (var file in PageShapes.FilesIn(folder))
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
