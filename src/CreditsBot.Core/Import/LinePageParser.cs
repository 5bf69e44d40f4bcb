namespace CreditsBot.Core.Import;

/// <summary>
/// Reads a credits page with one heading, list or lead per line, blocks separated by blank lines:
/// "Architecture research" then "Mark Chen, Casey Chu, …"; leads as "Jamie Kiros Deployment research &amp; evals lead"
/// (name and role separated by a space only). Prose blocks are skipped (and listed in the report), except for
/// lists of names after a colon.
/// </summary>
public static class LinePageParser
{
    private enum LineKind { Blank, List, Lead, Heading, Prose, Other }

    private sealed record Line(int Number, int Offset, string Text, LineKind Kind);

    private enum BlockKind { Heading, HeadedList, Leads, HeadedLeads, List, Prose, Other }

    private sealed record Block(BlockKind Kind, List<Line> Lines);

    /// <param name="knownNames">Names seen in lists anywhere in the import: they settle where a lead's name ends.</param>
    public static IReadOnlyList<PageEvent> Parse(PageText page, ISet<string> knownNames)
    {
        var offset = 0;
        foreach (var raw in page.Text.Split('\n'))
        {
            if (TextShape.IsNavigation(raw))
                page.Skipped(offset + raw.Length - raw.TrimStart().Length, raw, "a menu or accessibility link");
            offset += raw.Length + 1;
        }

        var blocks = Blocks(page.Text);
        var events = new List<PageEvent>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var first = block.Lines[0];
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    // A lone heading opens an area when credits follow; otherwise it is a page title or navigation.
                    if (NextCredits(blocks, b) is BlockKind.Leads or BlockKind.List or BlockKind.HeadedList or BlockKind.HeadedLeads)
                        events.Add(new AreaHeading(first.Text, first.Number));
                    else
                        page.Skipped(first.Offset, first.Text, "a heading with no credits after it (a title or navigation)");
                    break;
                case BlockKind.HeadedList:
                    events.Add(new Heading(first.Text, first.Number));
                    foreach (var line in block.Lines.Skip(1))
                        events.AddRange(ListCredits(line));
                    break;
                case BlockKind.HeadedLeads:
                    events.Add(new Heading(first.Text, first.Number));
                    events.AddRange(block.Lines.Skip(1).Select(l => LeadCredit(l, knownNames)));
                    break;
                case BlockKind.Leads:
                    events.AddRange(block.Lines.Select(l => LeadCredit(l, knownNames)));
                    break;
                case BlockKind.List when IsLoneName(block) && NextCredits(blocks, b) is BlockKind.Leads or BlockKind.HeadedList or BlockKind.HeadedLeads:
                    // One name-like title on its own ("Instruments", "Core Infrastructure") before credits is a heading, not a person.
                    events.Add(new AreaHeading(first.Text, first.Number));
                    break;
                case BlockKind.List:
                    events.Add(new UntitledList(first.Number));
                    foreach (var line in block.Lines)
                        events.AddRange(ListCredits(line));
                    break;
                case BlockKind.Prose:
                    foreach (var line in block.Lines)
                        events.AddRange(AcknowledgementLists.Find(page, line.Text, line.Offset, line.Number));
                    break;
                case BlockKind.Other when events.OfType<CreditRead>().Any():
                    var odd = block.Lines.FirstOrDefault(l => l.Kind is LineKind.Other or LineKind.Heading or LineKind.Prose) ?? first;
                    page.Problem(odd.Offset, odd.Text, WhyNot(odd));
                    break;
                case BlockKind.Other:
                    foreach (var line in block.Lines)
                        page.Skipped(line.Offset, line.Text, "before the credits begin (navigation or a title)");
                    break;
            }
        }

        return events;
    }

    /// <summary>Why a line inside the credits is neither a heading, a list of names nor a name and role.</summary>
    private static string WhyNot(Line line)
    {
        var items = SplitList(line.Text).ToList();
        if (items.Count > 1)
        {
            var bad = items.First(i => !TextShape.IsPlausibleName(i));
            return $"'{PageText.Shorten(bad)}' in this list is not a name: {TextShape.WhyNotAName(bad)}";
        }

        return line.Kind == LineKind.Heading
            ? "a heading inside a block of credits: put a blank line before it"
            : "expected a heading, a list of names, or a name and role";
    }

    private static bool IsCredits(BlockKind? kind) => kind is BlockKind.Leads or BlockKind.List or BlockKind.HeadedList or BlockKind.HeadedLeads;

    private static bool IsLoneName(Block block) => block.Lines.Count == 1 && !block.Lines[0].Text.Contains(',');

    private static BlockKind? NextCredits(List<Block> blocks, int b) =>
        blocks.Skip(b + 1).FirstOrDefault(x => x.Kind != BlockKind.Other)?.Kind;

    /// <summary>The names of every list (under a heading, or of two names or more): the importer learns them first to split lead lines well.</summary>
    public static IEnumerable<string> ListNames(string text) =>
        Blocks(text).SelectMany(b => b.Kind switch
            {
                BlockKind.HeadedList => b.Lines.Skip(1),
                BlockKind.List => b.Lines.Where(l => l.Text.Contains(',')),
                _ => [],
            })
            .SelectMany(l => SplitList(l.Text));

    private static List<Block> Blocks(string text)
    {
        var blocks = new List<Block>();
        var current = new List<Line>();
        var number = 0;
        var offset = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var trimmed = raw.Trim();
            var start = offset + (raw.Length - raw.TrimStart().Length);
            offset += raw.Length + 1;
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }

            if (TextShape.IsNavigation(trimmed))
                continue; // a menu or accessibility link: reported as skipped by Parse
            current.Add(new Line(number, start, trimmed, Classify(trimmed)));
        }

        Flush();

        // A lone line with no credits after it is a title ("Atlas Mapping Project"), not a one-person list; before the
        // credits begin, not a lead either ("Tidal Model credits").
        var creditsBegan = false;
        for (var b = 0; b < blocks.Count; b++)
        {
            var lone = blocks[b].Lines.Count == 1 && (blocks[b].Kind == BlockKind.List && IsLoneName(blocks[b]) || blocks[b].Kind == BlockKind.Leads && !creditsBegan);
            if (lone && !IsCredits(NextCredits(blocks, b)))
                blocks[b] = blocks[b] with { Kind = BlockKind.Heading };
            creditsBegan |= IsCredits(blocks[b].Kind);
        }

        return blocks;

        void Flush()
        {
            if (current.Count == 0) return;
            blocks.Add(new Block(KindOf(current), current));
            current = [];
        }
    }

    private static BlockKind KindOf(List<Line> lines)
    {
        var first = lines[0];
        var rest = lines.Skip(1).ToList();
        if (lines.All(l => l.Kind == LineKind.Prose)) return BlockKind.Prose;
        if (lines.Count == 1 && first.Kind == LineKind.Heading) return BlockKind.Heading;
        if (lines.Count == 1 && first.Kind == LineKind.List) return BlockKind.List;
        if (lines.Count == 1 && first.Kind == LineKind.Lead) return BlockKind.Leads;
        // A title may look like a name ("Model Training") or a lead; what follows it says what it is.
        var firstIsTitle = first.Kind is LineKind.Heading or LineKind.List or LineKind.Lead;
        if (rest.Count > 0 && firstIsTitle && rest.All(l => l.Kind == LineKind.List)) return BlockKind.HeadedList;
        if (lines.All(l => l.Kind == LineKind.List)) return BlockKind.List;
        if (lines.All(l => l.Kind is LineKind.Lead)) return BlockKind.Leads;
        if (rest.Count > 0 && first.Kind is LineKind.Heading or LineKind.List && rest.All(l => l.Kind == LineKind.Lead)) return BlockKind.HeadedLeads;
        return BlockKind.Other;
    }

    private static LineKind Classify(string line)
    {
        if (line.Length == 0) return LineKind.Blank;
        var items = SplitList(line).ToList();
        // A single "name" that ends like a role ("Raul Puri Overall Lead") is a lead.
        var endsLikeRole = items.Count == 1 && TextShape.EndsLikeRole(line) && LeadSplits(line).Any();
        if (items.Count > 0 && !endsLikeRole && items.All(i => TextShape.IsPlausibleName(i))) return LineKind.List;
        if (TextShape.IsProse(line)) return LineKind.Prose;
        if (LeadSplits(line).Any()) return LineKind.Lead;
        return TextShape.IsPlausibleHeading(line) ? LineKind.Heading : LineKind.Other;
    }

    private static IEnumerable<string> SplitList(string line) => TextShape.SplitNames(line);

    private static IEnumerable<CreditRead> ListCredits(Line line) =>
        SplitList(line.Text).Select(name => new CreditRead(name, null, line.Number));

    /// <summary>
    /// Where the name ends in "Raul Puri Research engineering lead": a name the import has seen in a list wins;
    /// else, after initials, the first whole word ends the name; else the role that begins with a word roles
    /// usually begin with; else the shortest name of two words or more.
    /// </summary>
    private static CreditRead LeadCredit(Line line, ISet<string> knownNames)
    {
        var splits = LeadSplits(line.Text).ToList();
        var (name, role) = splits.LastOrDefault(s => knownNames.Contains(s.Name));
        // Initials go with one surname: "A. J. Okoro Spectrometer Systems lead".
        if (name is null && TextShape.IsInitials(TextShape.Words(line.Text)[0]))
            (name, role) = splits.FirstOrDefault();
        if (name is null) (name, role) = splits.FirstOrDefault(s => TextShape.BeginsLikeRole(s.Role));
        if (name is null) (name, role) = splits.FirstOrDefault(s => TextShape.Words(s.Name).Length >= 2);
        if (name is null) (name, role) = splits[0];
        return new CreditRead(name, role, line.Number);
    }

    private static IEnumerable<(string Name, string Role)> LeadSplits(string line)
    {
        var words = TextShape.Words(line);
        for (var n = 1; n < words.Length && n <= 8; n++)
        {
            var name = string.Join(' ', words[..n]);
            var roleWords = words[n..];
            var role = string.Join(' ', roleWords);
            // A name does not end in an initial; "Core Infrastructure" is a title, not a one-word name and a one-word role.
            if (!TextShape.IsPlausibleName(name) || TextShape.CannotBeginRole(roleWords[0]) || TextShape.IsInitials(words[n - 1])) continue;
            if (n == 1 && roleWords.Length == 1) continue;
            var startsWell = char.IsUpper(role[0]) || char.IsDigit(role[0]);
            var shapedLikeRole = TextShape.EndsLikeRole(role) || TextShape.BeginsLikeRole(role);
            if (startsWell && shapedLikeRole && TextShape.IsPlausibleRole(role))
                yield return (name, role);
        }
    }
}
