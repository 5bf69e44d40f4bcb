using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CreditsBot.Core.Import;

/// <summary>
/// The Markdown authoring format (<c>*.md</c>, CommonMark through Markdig): <c>#</c> the title, optional front
/// matter (<c>url:</c>, <c>title:</c>), <c>##</c> areas, <c>###</c> sections, list items <c>Name</c> or
/// <c>Name — Role</c> (also <c>Name - Role</c>, <c>Name – Role</c> and <c>Name: Role</c>). Other text is listed
/// in the import report as skipped.
/// </summary>
public static class MarkdownPageParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    // The separators between a name and a role, most specific first; a hyphen only counts with spaces around it.
    private static readonly string[] RoleSeparators = [" — ", " – ", " - ", "—", ": "];

    public static (IReadOnlyList<PageEvent> Events, string? Title) Parse(PageText page)
    {
        var document = Markdown.Parse(page.Text, Pipeline);
        var events = new List<PageEvent>();
        string? title = FrontMatter(document, page.Text).GetValueOrDefault("title");
        foreach (var block in document)
        {
            var line = block.Line + 1;
            switch (block)
            {
                case YamlFrontMatterBlock:
                    break;
                case HeadingBlock { Level: 1 } heading:
                    title ??= InlineText(heading.Inline);
                    break;
                case HeadingBlock { Level: 2 } heading:
                    events.Add(new AreaHeading(InlineText(heading.Inline), line));
                    break;
                case HeadingBlock heading:
                    events.Add(new Heading(InlineText(heading.Inline), line));
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                        events.AddRange(Credit(page, item));
                    break;
                default:
                    page.Skipped(block.Span.Start, Source(page.Text, block), "text that is not a heading or a list item");
                    break;
            }
        }

        return (events, title);
    }

    /// <summary>The <c>url:</c> of the page's front matter, if any.</summary>
    public static string? FrontMatterUrl(string text) =>
        FrontMatter(Markdown.Parse(text, Pipeline), text).GetValueOrDefault("url");

    private static Dictionary<string, string> FrontMatter(MarkdownDocument document, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is not { } front)
            return values;
        foreach (var raw in Source(text, front).Split('\n'))
        {
            var colon = raw.IndexOf(':');
            if (colon <= 0 || raw.TrimStart().StartsWith('#')) continue;
            var value = raw[(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0) values[raw[..colon].Trim()] = value;
        }

        return values;
    }

    private static IEnumerable<PageEvent> Credit(PageText page, ListItemBlock item)
    {
        var paragraph = item.Descendants<ParagraphBlock>().FirstOrDefault();
        var text = paragraph is null ? "" : InlineText(paragraph.Inline).Trim();
        var offset = paragraph?.Span.Start ?? item.Span.Start;
        if (text.Length == 0)
        {
            page.Problem(offset, Source(page.Text, item), "an empty list item: expected a name, or a name and a role");
            return [];
        }

        var (name, role) = Split(text);
        if (name.Length == 0)
        {
            page.Problem(offset, text, "the item has a role but no name before it");
            return [];
        }

        return [new CreditRead(name, role, item.Line + 1)];
    }

    private static (string Name, string? Role) Split(string text)
    {
        foreach (var separator in RoleSeparators)
        {
            var at = text.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0)
                return (text[..at].Trim(), text[(at + separator.Length)..].Trim() is { Length: > 0 } role ? role : null);
        }

        return (text, null);
    }

    /// <summary>The visible text of inlines: literal text, link and emphasis contents, code; line breaks as spaces.</summary>
    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case ContainerInline container:
                    text.Append(InlineText(container));
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static string Source(string text, Block block) =>
        block.Span.Start >= 0 && block.Span.End < text.Length ? text[block.Span.Start..(block.Span.End + 1)] : "";
}
