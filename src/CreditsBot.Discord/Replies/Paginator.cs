namespace CreditsBot.Discord.Replies;

/// <summary>
/// Splits long answers into pages that fit an embed. It is deterministic: the same data always gives the same
/// pages, so a button can ask for "page 3" and get what the reader expects, even from another process.
/// </summary>
public static class Paginator
{
    /// <summary>Lines for a description: at most <paramref name="maxLines"/> lines and <paramref name="maxChars"/> characters a page.</summary>
    public static IReadOnlyList<string> PackLines(IEnumerable<string> lines, int maxLines = 20, int maxChars = 3500)
    {
        var pages = new List<string>();
        var current = new List<string>();
        var length = 0;
        foreach (var raw in lines)
        {
            var line = Markdown.Truncate(raw, maxChars);
            if (current.Count > 0 && (current.Count == maxLines || length + 1 + line.Length > maxChars))
            {
                pages.Add(string.Join('\n', current));
                current.Clear();
                length = 0;
            }
            length += (current.Count > 0 ? 1 : 0) + line.Length;
            current.Add(line);
        }
        if (current.Count > 0)
            pages.Add(string.Join('\n', current));
        return pages;
    }

    /// <summary>
    /// Groups of lines as embed fields: a group's lines never exceed a field value (a long group continues in a
    /// field named "… (cont.)" in the reply language), and a page holds at most <paramref name="maxFields"/> fields and <paramref name="maxChars"/> characters.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ReplyField>> PackFields(
        IEnumerable<(string Name, IReadOnlyList<string> Lines)> groups, int maxFields = 12, int maxChars = 3500)
    {
        var fields = new List<ReplyField>();
        foreach (var (name, lines) in groups)
        {
            var chunks = PackLines(lines, maxLines: int.MaxValue, maxChars: DiscordLimits.FieldValue);
            for (var i = 0; i < chunks.Count; i++)
            {
                var fieldName = Markdown.Truncate(i == 0 ? name : ReplyText.Get("ContinuedField", name), DiscordLimits.FieldName);
                fields.Add(new ReplyField(fieldName, chunks[i]));
            }
        }

        var pages = new List<IReadOnlyList<ReplyField>>();
        var page = new List<ReplyField>();
        var length = 0;
        foreach (var field in fields)
        {
            var size = field.Name.Length + field.Value.Length;
            if (page.Count > 0 && (page.Count == maxFields || length + size > maxChars))
            {
                pages.Add(page);
                page = [];
                length = 0;
            }
            page.Add(field);
            length += size;
        }
        if (page.Count > 0)
            pages.Add(page);
        return pages;
    }
}
