namespace CreditsBot.Core.Import;

/// <summary>The shapes of credits pages, and how a page's shape is told from its file name and content.</summary>
public enum PageShape
{
    /// <summary>One heading, list or lead per line (<see cref="LinePageParser"/>).</summary>
    Lines,

    /// <summary>Scraped onto one line, headings glued to names (<see cref="GluedPageParser"/>).</summary>
    Glued,

    /// <summary>The Markdown authoring format, <c>*.md</c> (<see cref="MarkdownPageParser"/>).</summary>
    Markdown,

    /// <summary>An all-contributors file, <c>.all-contributorsrc</c> (<see cref="AllContributorsParser"/>).</summary>
    AllContributors,
}

public static class PageShapes
{
    public const string AllContributorsFile = ".all-contributorsrc";

    /// <summary>Every file of a folder, hidden ones too (.all-contributorsrc), in ordinal order of their paths.</summary>
    public static IEnumerable<string> FilesIn(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { AttributesToSkip = 0 }).Order(StringComparer.Ordinal);

    /// <summary>Whether a file in a credits folder is a page, by its name.</summary>
    public static bool IsPage(string path)
    {
        var name = Path.GetFileName(path);
        return name == AllContributorsFile ||
               name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ||
               (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !name.Equals("README.md", StringComparison.OrdinalIgnoreCase));
    }

    public static PageShape Of(string path, string text)
    {
        if (Path.GetFileName(path) == AllContributorsFile) return PageShape.AllContributors;
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return PageShape.Markdown;
        return LooksGlued(text) ? PageShape.Glued : PageShape.Lines;
    }

    /// <summary>
    /// Glued when one line holds most of the page and words are glued in it: at least two places where a word
    /// runs into the next one with no space ("…leadGreg", "DataSandhini"), name prefixes aside (DiMaggio).
    /// A line-structured page spreads its credits over many lines.
    /// </summary>
    public static bool LooksGlued(string text)
    {
        var letters = text.Count(c => !char.IsWhiteSpace(c));
        foreach (var line in text.Split('\n'))
        {
            if (line.Count(c => !char.IsWhiteSpace(c)) * 2 < letters) continue;
            var glued = 0;
            for (var i = 1; i < line.Length && glued < 2; i++)
            {
                if (IsGluePoint(line, i, out var strong) && strong) glued++;
            }

            if (glued >= 2) return true;
        }

        return false;
    }

    /// <summary>
    /// A capital right after a lower-case letter, a digit, ')' or a word's period with no space: strong when a lower-case letter
    /// follows (a new word: "leadGreg"), weak when another capital does (an acronym: "OpenAI", "WuGPT-4").
    /// Not after a name prefix that takes a capital (Mc, Mac, Di, La, De, …: "McLeavey", "DiMaggio").
    /// </summary>
    public static bool IsGluePoint(string text, int i, out bool strong)
    {
        strong = false;
        var c = text[i];
        var prev = text[i - 1];
        if (!char.IsUpper(c)) return false;
        if (prev == '.' && i >= 3 && char.IsLower(text[i - 2]) && char.IsLetter(text[i - 3]))
        {
            // After an abbreviation or a sentence, not after an initial: "Ford Jr.Data team", "Zhou.Contributors".
            strong = i + 1 < text.Length && char.IsLower(text[i + 1]);
            return true;
        }

        // The end of an acronym glued to a word: "CIGustavo" (weak: "GPUs" is one word).
        if (char.IsUpper(prev) && i >= 2 && char.IsUpper(text[i - 2]) && i + 1 < text.Length && char.IsLower(text[i + 1]))
            return true;
        if (!(char.IsLower(prev) || char.IsDigit(prev) || prev == ')')) return false;
        // The word before the capital starts after a non-letter or at the glue point before it ("leadMcAllister").
        var wordStart = i - 1;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]) && !(char.IsUpper(text[wordStart]) && char.IsLower(text[wordStart - 1])))
            wordStart--;
        if (TextShape.IsCapitalisedNamePrefix(text[wordStart..i])) return false;
        // A new word ("leadGreg"), or an initial that starts a name ("designA. J. Okoro"), not an acronym ("OpenAI").
        strong = i + 1 < text.Length && (char.IsLower(text[i + 1]) || text[i + 1] == '.');
        return true;
    }
}
