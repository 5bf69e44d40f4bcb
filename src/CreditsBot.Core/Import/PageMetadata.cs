using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreditsBot.Core.Import;

/// <summary>
/// Facts a scrape lost, kept beside the page as <c>NAME.meta.json</c>: the title, the public URL, which
/// headings open areas, and the titles of lists whose heading is missing (matched by their first person).
/// </summary>
public sealed class PageMetadata
{
    public string? Title { get; init; }

    public string? Url { get; init; }

    /// <summary>Headings that open an area even though no section heading follows them on the page.</summary>
    public List<string> Areas { get; init; } = [];

    public List<UntitledListTitle> UntitledLists { get; init; } = [];

    public static readonly PageMetadata None = new();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads the metadata beside <paramref name="pagePath"/>, if any; a broken file names its line.</summary>
    public static PageMetadata ForPage(string pagePath)
    {
        var path = Path.ChangeExtension(pagePath, ".meta.json");
        if (!File.Exists(path)) return None;
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));
            return JsonSerializer.Deserialize<PageMetadata>(text, Json)
                   ?? throw new SeedImportException(path, null, "metadata is empty (expected a JSON object)");
        }
        catch (JsonException e)
        {
            throw new SeedImportException(path, (int?)e.LineNumber + 1, $"metadata is not valid: {e.Message}");
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SeedImportException(path, null, "metadata cannot be read: it is not UTF-8 text");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SeedImportException(path, null, $"metadata cannot be read: {e.Message}");
        }
    }

    public UntitledListTitle? UntitledListStartingWith(string person) =>
        UntitledLists.FirstOrDefault(u => string.Equals(u.FirstPerson, person, StringComparison.Ordinal));
}

/// <summary>The title (and optionally the area) of a list whose heading the scrape lost.</summary>
public sealed class UntitledListTitle
{
    public required string FirstPerson { get; init; }

    public required string Title { get; init; }

    public string? Area { get; init; }
}
