using System.Text;
using System.Text.Json;

namespace CreditsBot.Core.Tests.Import.Generated;

/// <summary>Writes a generated page in its shape, as a file name and the text of the file.</summary>
public static class PageRenderer
{
    private const string Intro = "This page lists the people who made the project and what each of them did, in the order of the work.";
    private const string Thanks = "We are grateful to our outside reviewers, who read every draft and checked every name";

    public static (string FileName, string Text) Render(GeneratedPage page) => page.Shape switch
    {
        GeneratedShape.Lines => ("page.txt", Lines(page)),
        GeneratedShape.Glued => ("page.txt", Scrape(Glued(page))),
        GeneratedShape.Markdown => ("page.md", Markdown(page)),
        _ => (".all-contributorsrc", AllContributors(page)),
    };

    private static string ThanksSentence(GeneratedPage page)
    {
        var names = page.Acknowledged;
        var head = string.Join(", ", names.Take(names.Count - 1));
        return $"{Thanks}: {head}{(page.SerialComma && names.Count > 2 ? "," : "")} and {names[^1]}.";
    }

    private static string Lines(GeneratedPage page)
    {
        var text = new StringBuilder();
        text.Append("Skip to main content\n\n").Append(page.Title).Append("\n\n").Append(Intro).Append("\n\n");
        foreach (var area in page.Areas)
        {
            text.Append(area.Title).Append("\n\n");
            foreach (var section in area.Sections)
            {
                if (section.IsLeads && section.Title == area.Title)
                {
                    foreach (var lead in section.Credits)
                        text.Append(lead.Person).Append(' ').Append(lead.Role).Append('\n');
                }
                else
                {
                    text.Append(section.Title).Append('\n').Append(string.Join(", ", section.Credits.Select(c => c.Person))).Append('\n');
                }

                text.Append('\n');
            }
        }

        if (page.Acknowledged.Count > 0)
            text.Append(ThanksSentence(page)).Append('\n');
        return text.ToString();
    }

    private static string Glued(GeneratedPage page)
    {
        var body = new StringBuilder();
        body.Append("\n\n").Append(page.Title).Append("\n\n\n\n");
        body.Append("CloseSearch Submit Skip to main contentSite NavigationResearchOverviewIndex Log inSign upMenu ").Append(page.Title);
        foreach (var area in page.Areas)
        {
            body.Append(area.Title);
            foreach (var section in area.Sections)
            {
                body.Append(section.Title);
                body.Append(section.IsLeads
                    ? string.Concat(section.Credits.Select(c => $"{c.Person}—{c.Role}"))
                    : string.Join(", ", section.Credits.Select(c => c.Person)));
            }
        }

        if (page.Acknowledged.Count > 0)
            body.Append(ThanksSentence(page));
        body.Append("Contributors listed in alphabetized order.FooterAboutCareersBack to top\n");
        return body.ToString();
    }

    private static string Markdown(GeneratedPage page)
    {
        var separators = new[] { " — ", " - ", ": ", " – " };
        var text = new StringBuilder();
        text.Append("---\nurl: ").Append(Url(page)).Append("\n---\n\n# ").Append(page.Title).Append("\n\n").Append(Intro).Append("\n\n");
        var n = 0;
        foreach (var area in page.Areas)
        {
            text.Append("## ").Append(area.Title).Append("\n\n");
            foreach (var section in area.Sections)
            {
                if (section.Title != area.Title)
                    text.Append("### ").Append(section.Title).Append("\n\n");
                foreach (var credit in section.Credits)
                {
                    text.Append(n % 3 == 0 ? "* " : "- ").Append(credit.Person);
                    if (credit.Role is not null) text.Append(separators[n % separators.Length]).Append(credit.Role);
                    text.Append('\n');
                    n++;
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Url(GeneratedPage page) => $"https://example.org/{page.Title.ToLowerInvariant().Replace(' ', '-')}";

    private static string AllContributors(GeneratedPage page)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("projectName", page.Title);
            json.WriteString("projectOwner", "example");
            json.WriteStartArray("files");
            json.WriteStringValue("README.md");
            json.WriteEndArray();
            json.WriteStartArray("contributors");
            foreach (var (name, types) in page.Contributors)
            {
                json.WriteStartObject();
                json.WriteString("login", new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant());
                json.WriteString("name", name);
                json.WriteString("avatar_url", "https://avatars.example.org/u/1?v=4");
                json.WriteString("profile", "https://example.org");
                json.WriteStartArray("contributions");
                foreach (var type in types) json.WriteStringValue(type);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("contributorsPerLine", 7);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>What the GPT-4 page's scrape did: UTF-8 read as Latin-1, with the C1 bytes (0x80–0x9F) dropped.</summary>
    public static string Scrape(string text) =>
        new(Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text)).Where(c => c is < '\u0080' or > '\u009F').ToArray());

    /// <summary>
    /// A name as the importer must give it back from a scrape that lost bytes: the documented best guess for a
    /// letter whose second byte was lost (docs/seeds.md): É/Č/Ł at the start of a word before a lower-case letter,
    /// ß/č/ł otherwise. The generator never puts such a letter where a word is glued to the one before it.
    /// </summary>
    public static string AsScraped(string name)
    {
        var result = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(name[i].ToString());
            if (bytes.Length != 2 || bytes[1] > 0x9F || bytes[0] is not (0xC3 or 0xC4 or 0xC5))
            {
                result.Append(name[i]);
                continue;
            }

            var before = i > 0 ? result[^1] : ' ';
            var after = i + 1 < name.Length ? name[i + 1] : ' ';
            var capital = !char.IsLetter(before) && char.IsLower(after);
            result.Append((bytes[0], capital) switch
            {
                (0xC3, true) => 'É',
                (0xC3, false) => 'ß',
                (0xC4, true) => 'Č',
                (0xC4, false) => 'č',
                (_, true) => 'Ł',
                _ => 'ł',
            });
        }

        return result.ToString();
    }
}
