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
                case BlockKind.List when IsLoneWord(block) && NextCredits(blocks, b) is BlockKind.Leads or BlockKind.HeadedList or BlockKind.HeadedLeads:
                    // One capitalised word on its own ("Instruments") before credits is a heading, not a person.
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

    private static bool IsLoneWord(Block block) => block.Lines.Count == 1 && TextShape.Words(block.Lines[0].Text).Length == 1;

    private static BlockKind? NextCredits(List<Block> blocks, int b) =>
        blocks.Skip(b + 1).FirstOrDefault(x => x.Kind != BlockKind.Other)?.Kind;

    /// <summary>The names of every list line: the importer learns them first to split lead lines well.</summary>
    public static IEnumerable<string> ListNames(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => Classify(l) == LineKind.List && l.Contains(','))
            .SelectMany(SplitList);

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

            current.Add(new Line(number, start, trimmed, Classify(trimmed)));
        }

        Flush();
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
    /// else the role that begins with a word roles usually begin with; else the shortest name of two words or more.
    /// </summary>
    private static CreditRead LeadCredit(Line line, ISet<string> knownNames)
    {
        var splits = LeadSplits(line.Text).ToList();
        var (name, role) = splits.LastOrDefault(s => knownNames.Contains(s.Name));
        if (name is null) (name, role) = splits.FirstOrDefault(s => TextShape.BeginsLikeRole(s.Role) && TextShape.Words(s.Name).Length >= 2);
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
            if (!TextShape.IsPlausibleName(name) || TextShape.CannotBeginRole(roleWords[0])) continue;
            var startsWell = char.IsUpper(role[0]) || char.IsDigit(role[0]);
            var hasLowerWord = roleWords.Any(w => char.IsLower(w[0])) || TextShape.EndsLikeRole(role);
            if (startsWell && hasLowerWord && TextShape.IsPlausibleRole(role))
                yield return (name, role);
        }
    }
}
