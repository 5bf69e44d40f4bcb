using CreditsBot.Core.Model;

namespace CreditsBot.Core.Search.Evaluation;

/// <summary>
/// Section and role queries of the generated evaluation: titles and roles as written, with the area, with a
/// slip, shortened (<see cref="EvalVocabulary.Abbreviations"/>), in another word form or compound spelling,
/// inside a question, with a document named; and topics no page has.
/// </summary>
internal sealed class SectionAndRoleQueries
{
    private static readonly HashSet<string> LinkWords = new(StringComparer.Ordinal) { "of", "and", "the", "for", "in", "on", "a", "an", "to" };

    private readonly List<(CreditsDocument Document, CreditArea Area, CreditSection Section, string Display)> sections;
    private readonly List<(CreditsDocument Document, string Part, string Person)> roleParts;
    private readonly HashSet<string> pageWords;
    private readonly HashSet<string> nameWords;

    public SectionAndRoleQueries(CreditsCatalog catalog, HashSet<string> nameWords)
    {
        this.nameWords = nameWords;
        sections = catalog.Documents
            .SelectMany(d => d.Areas.SelectMany(a => a.Sections.Select(s => (d, a, s, EvalSetGenerator.DisplayName(d, a, s)))))
            .ToList();
        roleParts = catalog.Entries()
            .Where(e => !string.IsNullOrWhiteSpace(e.Role))
            .SelectMany(e => e.Role!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (e.Document, p, e.Person)))
            .ToList();
        pageWords = sections.SelectMany(s => EvalQuery.Fold($"{s.Section.Title} {s.Area.Title} {s.Document.Title}").Split(' '))
            .Concat(roleParts.SelectMany(r => EvalQuery.Fold(r.Part).Split(' ')))
            .ToHashSet(StringComparer.Ordinal);
    }

    public IEnumerable<EvalQuery> Generate(EvalPart part, int perClass, Random random) =>
        SectionQueries(part, perClass, random).Concat(RoleQueries(part, perClass, random));

    private IEnumerable<EvalQuery> SectionQueries(EvalPart part, int perClass, Random random)
    {
        var classes = new (string Class, bool WithArea, Func<string, Random, string?> Make)[]
        {
            ("title", false, (t, r) => NoiseModel.RandomCase(t, r)),
            ("area and title", true, null!),
            ("slip in the title", false, (t, r) => SlipInLongWord(t, r)),
            ("abbreviation", false, Abbreviate),
            ("word form", false, WordForm),
            ("compound or &", false, Compound),
            ("inside a question", false, (t, r) => Question(SectionQuestions, t.ToLowerInvariant(), r)),
        };
        foreach (var (name, withArea, make) in classes)
        {
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; made.Count < perClass && attempt < perClass * 30; attempt++)
            {
                var (document, area, section, _) = sections[random.Next(sections.Count)];
                if (withArea && EvalQuery.Fold(area.Title) == EvalQuery.Fold(section.Title))
                    continue;
                var text = withArea
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, AreaForms[random.Next(AreaForms.Length)], area.Title, section.Title)
                    : make(section.Title, random);
                if (text is null || !made.Add(text))
                    continue;
                var accepted = sections
                    .Where(s => EvalQuery.Fold(s.Section.Title) == EvalQuery.Fold(section.Title)
                        && (!withArea || EvalQuery.Fold(s.Area.Title) == EvalQuery.Fold(area.Title)))
                    .Select(s => EvalQuery.Fold(s.Display))
                    .Distinct()
                    .ToList();
                yield return new EvalQuery(part, EvalKind.Section, name, text, accepted);
            }
        }
        if (part == EvalPart.Check)
        {
            var own = new Random(EvalSetGenerator.HeldOutPhrasingSeed + 1);
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; made.Count < perClass && attempt < perClass * 30; attempt++)
            {
                var section = sections[own.Next(sections.Count)].Section;
                var text = Question(HeldOutSectionQuestions, section.Title.ToLowerInvariant(), own);
                if (!made.Add(text))
                    continue;
                var accepted = sections.Where(s => EvalQuery.Fold(s.Section.Title) == EvalQuery.Fold(section.Title)).Select(s => EvalQuery.Fold(s.Display)).Distinct().ToList();
                yield return new EvalQuery(part, EvalKind.Section, "held-out question phrasing", text, accepted);
            }
        }
        foreach (var topic in AbsentTopicsHere())
            yield return new EvalQuery(part, EvalKind.Section, "none: absent topics", random.Next(2) == 0 ? topic : $"{topic} team", []);
    }

    private IEnumerable<EvalQuery> RoleQueries(EvalPart part, int perClass, Random random)
    {
        var leads = roleParts.Where(r => RoleWords(r.Part).LastOrDefault() == "lead" && RoleWords(r.Part).Count >= 2).ToList();
        var classes = new (string Class, bool Leads, bool Qualified, Func<string, Random, string?> Make)[]
        {
            ("role as written", false, false, (t, r) => NoiseModel.RandomCase(t, r)),
            ("who led …", true, false, (t, r) => Question(LeadQuestions, Topic(t), r)),
            ("slip in the role", false, false, (t, r) => SlipInLongWord(t, r)),
            ("abbreviation", false, false, Abbreviate),
            ("document named", true, true, (t, r) => Question(LeadQuestions, Topic(t), r)),
        };
        foreach (var (name, onlyLeads, qualified, make) in classes)
        {
            var pool = onlyLeads ? leads : roleParts;
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; made.Count < perClass && attempt < perClass * 30; attempt++)
            {
                var (document, rolePart, _) = pool[random.Next(pool.Count)];
                var text = make(rolePart, random);
                if (text is null)
                    continue;
                if (qualified)
                    text += random.Next(2) == 0 ? $" on {document.Id}" : $" in {document.Id.ToUpperInvariant()}";
                if (!made.Add(text))
                    continue;
                var wanted = RoleWords(rolePart).Where(w => w is not ("co" or "vice")).ToList();
                var accepted = roleParts
                    .Where(r => (!qualified || r.Document == document) && wanted.All(RoleWords(r.Part).Contains))
                    .Select(r => EvalQuery.Fold(r.Person))
                    .Distinct()
                    .ToList();
                yield return new EvalQuery(part, EvalKind.Role, name, text, accepted);
            }
        }
        if (part == EvalPart.Check)
        {
            var own = new Random(EvalSetGenerator.HeldOutPhrasingSeed + 2);
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; made.Count < perClass && attempt < perClass * 30; attempt++)
            {
                var rolePart = leads[own.Next(leads.Count)].Part;
                var text = Question(HeldOutLeadQuestions, Topic(rolePart), own);
                if (!made.Add(text))
                    continue;
                var wanted = RoleWords(rolePart).Where(w => w is not ("co" or "vice")).ToList();
                var accepted = roleParts.Where(r => wanted.All(RoleWords(r.Part).Contains)).Select(r => EvalQuery.Fold(r.Person)).Distinct().ToList();
                yield return new EvalQuery(part, EvalKind.Role, "held-out question phrasing", text, accepted);
            }
        }
        foreach (var topic in AbsentTopicsHere())
            yield return new EvalQuery(part, EvalKind.Role, "none: absent topics", Question(LeadQuestions, topic, random), []);
    }

    private IEnumerable<string> AbsentTopicsHere() => EvalVocabulary.AbsentTopics
        .Where(t => !pageWords.Contains(t) && !pageWords.Contains(t + "s") && !pageWords.Contains(t.TrimEnd('s')) && !nameWords.Contains(t));

    private static readonly string[] AreaForms = ["{0} / {1}", "{1} in {0}", "{0} {1}", "{0} - {1}", "{1} ({0})"];

    private static readonly string[] SectionQuestions =
    [
        "who is on {0}", "members of {0}", "{0} team", "the {0} section", "{0} people", "list {0}", "who worked on {0}", "{0} folks?",
    ];

    private static readonly string[] LeadQuestions =
    [
        "who led {0}", "who leads {0}", "{0} leader", "who was the {0} lead", "lead of {0}", "who heads {0}", "{0} lead?", "who is the lead for {0}",
        "who handled {0}", "who owned {0}", "the person behind {0}", "who coordinated {0}",
    ];

    /// <summary>Section questions the check part alone asks (written before either was run): wording the rules were not tuned on.</summary>
    private static readonly string[] HeldOutSectionQuestions =
    [
        "who's in {0}", "people on the {0} team", "show the {0} group", "{0} crew", "everyone in {0}", "credits for {0}",
        "which people did {0}", "{0} contributors", "names under {0}", "the {0} squad",
    ];

    /// <summary>Lead questions the check part alone asks (written before either was run).</summary>
    private static readonly string[] HeldOutLeadQuestions =
    [
        "who was responsible for {0}", "who ran {0}", "which person led {0}", "who was in charge of {0}", "leader of {0}",
        "who drove {0}", "point person for {0}", "who headed up {0}", "{0} leads", "tell me who led {0}",
    ];

    private static string Question(string[] forms, string topic, Random random) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, forms[random.Next(forms.Length)], topic);

    /// <summary>"Long context co-lead" → "long context": what a "who led …" question is about.</summary>
    private static string Topic(string rolePart)
    {
        var words = rolePart.ToLowerInvariant().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && words[^1] is "lead" or "co" or "vice" or "colead")
            words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    /// <summary>The content words of a role, with every form of "lead" as lead.</summary>
    internal static List<string> RoleWords(string text) => EvalQuery.Fold(text)
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => !LinkWords.Contains(w))
        .Select(w => w is "led" or "leads" or "leader" or "leaders" or "leading" or "head" or "heads" ? "lead" : w)
        .ToList();

    private static string? SlipInLongWord(string text, Random random)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0)
            return null;
        var w = candidates[random.Next(candidates.Count)];
        words[w] = NoiseModel.ApplySlip(words[w], (NoiseModel.Slip)random.Next(5), random);
        return string.Join(' ', words).ToLowerInvariant();
    }

    private static string? Abbreviate(string text, Random random)
    {
        var lower = " " + text.ToLowerInvariant() + " ";
        var options = EvalVocabulary.Abbreviations.Where(a => lower.Contains($" {a.Full} ", StringComparison.Ordinal)).ToList();
        if (options.Count == 0)
            return null;
        var (full, shorts) = options[random.Next(options.Count)];
        return lower.Replace($" {full} ", $" {shorts[random.Next(shorts.Length)]} ", StringComparison.Ordinal).Trim();
    }

    private static readonly (string, string)[] OtherForms = [("teaming", "teamers"), ("leaders", "leads"), ("evaluation", "evaluating")];

    private static string? WordForm(string text, Random random)
    {
        var words = text.ToLowerInvariant().Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4 && words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0)
            return null;
        var w = candidates[random.Next(candidates.Count)];
        var word = words[w];
        var other = OtherForms.FirstOrDefault(f => f.Item1 == word || f.Item2 == word);
        words[w] = other != default ? (other.Item1 == word ? other.Item2 : other.Item1)
            : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith('s') ? word[..^1]
            : word.EndsWith('y') ? word[..^1] + "ies"
            : word + "s";
        return string.Join(' ', words);
    }

    /// <summary>Word beginnings people write apart or hyphenated ("pre-training", "post training").</summary>
    private static readonly string[] Prefixes = ["pre", "post", "non", "multi", "inter"];

    private static string? Compound(string text, Random random)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains('-'))
            return lower.Replace("-", random.Next(2) == 0 ? " " : "", StringComparison.Ordinal);
        if (lower.Contains(" & ", StringComparison.Ordinal))
            return lower.Replace(" & ", " and ", StringComparison.Ordinal);
        if (lower.Contains(" and ", StringComparison.Ordinal))
            return lower.Replace(" and ", random.Next(2) == 0 ? " & " : "&", StringComparison.Ordinal);
        var words = lower.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var prefix = Prefixes.FirstOrDefault(p => words[i].StartsWith(p, StringComparison.Ordinal) && words[i].Length >= p.Length + 5);
            if (prefix is not null)
            {
                words[i] = prefix + (random.Next(2) == 0 ? "-" : " ") + words[i][prefix.Length..];
                return string.Join(' ', words);
            }
        }
        // A short first word written together with the next ("red teaming" → "redteaming").
        if (words.Length >= 2 && words[0].Length <= 4 && words[0].All(char.IsLetter) && words[1].All(char.IsLetter))
            return words[0] + words[1] + (words.Length > 2 ? " " + string.Join(' ', words[2..]) : "");
        return null;
    }
}
