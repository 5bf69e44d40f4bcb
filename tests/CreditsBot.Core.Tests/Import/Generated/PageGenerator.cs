using CsCheck;

namespace CreditsBot.Core.Tests.Import.Generated;

/// <summary>
/// Random credits pages (CsCheck generators): names from many naming cultures, headings with digits and
/// commas, roles of the usual shapes. The page structure follows each shape's rules (on a glued page every
/// area opens with an area and a section heading; on a line page leads under an area form the area's own
/// section), and nothing the shape cannot carry is generated (no name ending in capitals on a glued page, where
/// the next heading is glued to it).
/// </summary>
public static class PageGenerator
{
    private static readonly string[] Given =
    [
        "Amara", "Beatriz", "Caleb", "Dmitri", "Elena", "Farah", "Gustavo", "Hana", "Ingrid", "Jonas", "Keiko", "Liam",
        "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Tamsin", "Umar", "Valentina", "Wes", "Ximena", "Yara",
        "Zubin", "Noor", "Kwame", "Aiyana", "Bogdan", "Chiamaka", "Thandiwe", "Arjun", "Mei", "Sione",
    ];

    private static readonly string[] Surnames =
    [
        "Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "Haddad", "Mensah", "Kowalski", "Ferreira", "Castillo",
        "Nakamura", "Petrova", "Osei", "Brennan", "Whitfield", "Achterberg", "Rahimi", "Ibarra", "Quinn", "Oyelaran",
        "Venkataraman", "Abernathy", "Sorensen", "Villanueva", "Kariuki", "Halvorsen", "Tshabalala",
    ];

    private static readonly string[] CapitalisedInside = ["LaFleur", "DiMaggio", "McAllister", "MacKenzie", "DuBois", "LeBlanc", "DeLuca", "McNeil"];

    private static readonly string[] CapitalisedGiven = ["DeAndre", "LaToya", "DeShawn", "LeAnn"];

    private static readonly string[] Apostrophes = ["O’Hara", "D’Angelo", "O'Neill", "N’Diaye", "D'Souza"];

    private static readonly string[] Hyphenated = ["Vega-Ruiz", "Smith-Okoye", "Gontijo-Silva", "Müller-Brandt", "Lloyd-Jones"];

    private static readonly string[] KoreanGiven = ["Ji-hoon", "Min-seo", "Seo-yeon", "Do-hyun", "Ha-eun", "Jae-won"];

    private static readonly string[] KoreanFamily = ["Park", "Kim", "Lee", "Choi", "Jung", "Kang"];

    private static readonly string[] ArabicGiven = ["Omar", "Layla", "Yusuf", "Khalid", "Rania", "Samir"];

    private static readonly string[] ArabicFamily = ["al-Farsi", "el-Amin", "bin Khalid", "al-Rashid", "ibn Saud", "bint Yusuf", "el-Sayed"];

    private static readonly string[] Particled =
    [
        "de la Cruz", "dos Santos", "da Silva", "del Toro", "van der Berg", "van Dijk", "von Hessen", "ter Horst",
        "ap Gwilym", "ap Rhys", "de Souza", "di Stefano", "le Roux", "van den Broek",
    ];

    private static readonly string[] ChineseGiven = ["Wei", "Tao", "Na", "Yu", "Jing", "Hao"];

    private static readonly string[] ChineseFamily = ["Zhang", "Xu", "Li", "Chen", "Wang", "Liu"];

    private static readonly string[] Single = ["Janko", "Sukarno", "Aaliyah", "Ronaldinho", "Nyx"];

    private static readonly string[] Nicknames = ["(Rai)", "(Bo)", "(Kiki)", "(Sam)"];

    // Diacritics whose UTF-8 bytes survive the scrape, and some whose second byte is lost (guessed on a glued page).
    private static readonly string[] DiacriticGiven = ["Zoë", "José", "Søren", "Jiří", "Małgorzata", "Björn", "Žofia", "Šárka", "Inês", "François", "Michał"];

    private static readonly string[] DiacriticFamily =
    [
        "Côté", "Müller", "Wójcik", "Dvořák", "Łukasiewicz", "Ørsted", "Élodie", "Strauß", "Erdoğan", "Szőke", "Núñez",
        "Przybyłowski", "Šimić", "Ćosić", "Öztürk", "Ångström", "Gómez", "Žižek",
    ];

    private static readonly string[] Suffixes = ["Jr.", "Sr.", "III", "II"];

    private static readonly string[] Initials = ["A. J.", "R.K.", "J.", "M. L.", "T.S."];

    private static Gen<string> Pick(string[] pool) => Gen.Int[0, pool.Length - 1].Select(i => pool[i]);

    /// <summary>A name from one of many naming cultures.</summary>
    public static readonly Gen<string> Name = Gen.Frequency(
        (6, Gen.Select(Pick(Given), Pick(Surnames), (g, s) => $"{g} {s}")),
        (2, Gen.Select(Pick(Given), Pick(Given), Pick(Surnames), (g, m, s) => $"{g} {m} {s}")),
        (1, Gen.Select(Pick(Given), Gen.Char['A', 'Z'], Pick(Surnames), (g, i, s) => $"{g} {i}. {s}")),
        (2, Gen.Select(Pick(Initials), Pick(Surnames), (i, s) => $"{i} {s}")),
        (1, Gen.Select(Pick(Given), Pick(Surnames), Pick(Suffixes), (g, s, x) => $"{g} {s} {x}")),
        (2, Gen.Select(Pick(Given), Pick(CapitalisedInside), (g, s) => $"{g} {s}")),
        (1, Gen.Select(Pick(CapitalisedGiven), Pick(Surnames), (g, s) => $"{g} {s}")),
        (2, Gen.Select(Pick(Given), Pick(Apostrophes), (g, s) => $"{g} {s}")),
        (1, Gen.Select(Pick(Given), Pick(Hyphenated), (g, s) => $"{g} {s}")),
        (2, Gen.Select(Pick(KoreanGiven), Pick(KoreanFamily), Gen.Bool, (g, f, familyFirst) => familyFirst ? $"{f} {g}" : $"{g} {f}")),
        (2, Gen.Select(Pick(ArabicGiven), Pick(ArabicFamily), (g, f) => $"{g} {f}")),
        (2, Gen.Select(Pick(Given), Pick(Particled), (g, f) => $"{g} {f}")),
        (1, Gen.Select(Pick(ChineseGiven), Pick(ChineseFamily), Gen.Bool, (g, f, familyFirst) => familyFirst ? $"{f} {g}" : $"{g} {f}")),
        (1, Pick(Single)),
        (1, Gen.Select(Pick(Given), Pick(Nicknames), Pick(Surnames), (g, n, s) => $"{g} {n} {s}")),
        (3, Gen.Select(Pick(DiacriticGiven), Pick(DiacriticFamily), (g, s) => $"{g} {s}")),
        (1, Gen.Select(Pick(Given), Pick(DiacriticFamily), (g, s) => $"{g} {s}")));

    private static readonly string[] AreaTitles =
    [
        "Propulsion", "Guidance", "Flight software", "Ground systems", "Research contributions", "Model training",
        "Core Infrastructure", "Evaluation & analysis", "Deployment", "Localization", "Community", "Release 2 work",
        "Hardware bring-up", "Safety", "Art & sound", "Platform 3.0",
    ];

    private static readonly string[] SectionTitles =
    [
        "Core team", "Core contributors", "Data pipeline", "Phase 2 testing", "Kernels & tooling", "Release engineering",
        "Model-based evaluation", "Ops, billing & support", "Distributed training infrastructure", "Long context research",
        "Compute cluster scaling", "Field survey", "Printing", "Vision evaluations", "Data", "Documentation",
        "Security & privacy engineering", "Contracting, revenue, pricing & finance support", "User research",
        "Build and release", "Launch partners", "Training run babysitting", "Web experience", "Rack 4 bring-up",
        "Level design", "Community moderation", "Accessibility review", "Quality Assurance team", "Model Training",
    ];

    private static readonly string[] RoleSubjects =
    [
        "Throughput", "Compiler", "Firmware", "Tokenizer", "Telemetry", "Storage", "Networking", "Scheduler",
        "Rendering", "Audio", "Kernel", "Inference", "Localization",
    ];

    private static readonly string[] RoleTopics = ["tooling", "evals", "networking", "data", "reliability", "systems"];

    private static readonly Gen<string> UsualRole = Pick(new[] {
        "Research engineering lead", "Overall lead, optimization lead", "Technical program manager", "Head of tooling",
        "Data platform co-lead", "Release manager", "Safety evaluations co-lead", "Design lead",
        "Infrastructure lead, on-call lead", "Product manager", "Program manager for launches" });

    /// <summary>A role: the usual shapes ("… lead", "… co-lead", "… manager", "Research engineering …").</summary>
    public static readonly Gen<(string Role, bool UsualStart)> Role = Gen.Frequency(
        (3, UsualRole.Select(r => (r, true))),
        (3, Pick(RoleSubjects).Select(x => ($"{x} lead", false))),
        (2, Pick(RoleSubjects).Select(x => ($"{x} co-lead", false))),
        (1, Pick(RoleSubjects).Select(x => ($"{x} vice lead", false))),
        (2, Gen.Select(Pick(RoleSubjects), Pick(RoleTopics), (x, y) => ($"{x} & {y} lead", false))),
        (1, Pick(RoleTopics).Select(y => ($"Manager of {y} team", false))));

    private static readonly string[] Titles = ["Kite 2.0 credits", "Orbital Lander people", "Atlas Mapping Project", "Project Heron 3 contributors", "Tidal Model credits"];

    public static Gen<GeneratedPage> Page(GeneratedShape shape) => shape == GeneratedShape.AllContributors
        ? AllContributorsPage
        : Gen.Select(Pick(Titles), Gen.Int[1, 4], Gen.Int[0, int.MaxValue], Gen.Bool, (title, areas, seed, serial) => (title, areas, seed, serial))
            .SelectMany(t => Areas(shape, t.areas, t.seed).Select(a => Finish(shape, t.title, a.Areas, a.People, t.seed, t.serial)));

    private static GeneratedPage Finish(GeneratedShape shape, string title, List<GeneratedArea> areas, List<string> pool, int seed, bool serial)
    {
        // A closing paragraph thanks a few people by name (not in the Markdown shape, which has no prose credits).
        var thanked = shape is GeneratedShape.Lines or GeneratedShape.Glued && seed % 3 != 0
            ? pool.Where(p => !p.Contains(',') && !p.Contains('(')).Distinct().Take(2 + seed % 3).ToList()
            : [];
        return new GeneratedPage(shape, title, areas, thanked.Count >= 2 ? thanked : [], serial);
    }

    private static Gen<(List<GeneratedArea> Areas, List<string> People)> Areas(GeneratedShape shape, int count, int seed)
    {
        var person = shape == GeneratedShape.Glued ? Name.Where(GluedCanCarry) : Name;
        return person.Array[count * 4, count * 14].Select(Gen.Int[0, 1000].Array[count * 12], RoleGen(count), (names, dice, roles) =>
        {
            var people = names.Distinct().ToList();
            var areas = new List<GeneratedArea>();
            var d = 0;
            int Next(int bound) => dice[d++ % dice.Length] % bound;
            var areaTitles = AreaTitles.OrderBy(_ => Next(1000)).Take(count).ToList();
            var listed = new HashSet<string>();
            foreach (var areaTitle in areaTitles)
            {
                var sections = new List<GeneratedSection>();
                var titles = SectionTitles.Where(t => t != areaTitle).OrderBy(_ => Next(1000)).Take(1 + Next(4)).ToList();
                // A scraped page always has leads somewhere (their dashes are what the scrape garbles).
                var withLeads = Next(2) == 0 || (shape == GeneratedShape.Glued && areas.Count == 0);
                foreach (var sectionTitle in titles)
                {
                    var size = Next(4) == 0 ? 1 : 2 + Next(10);
                    var members = Enumerable.Range(0, size).Select(_ => people[Next(people.Count)]).Distinct().ToList();
                    if (shape == GeneratedShape.Glued && members.Count == 1 && sections.Count == 0)
                        members.Add(people[(people.IndexOf(members[0]) + 1) % people.Count]);
                    sections.Add(new GeneratedSection(sectionTitle, members.Select(m => new GeneratedCredit(m, null)).ToList()));
                    listed.UnionWith(members);
                }

                if (withLeads)
                {
                    var leads = LeadsFor(shape, people, listed, roles, Next);
                    // Leads directly under an area heading form the area's own section; a glued page always titles them.
                    var leadTitle = shape == GeneratedShape.Glued ? "Core contributors" : areaTitle;
                    if (leads.Count > 0 && !sections.Any(s => s.Title == leadTitle))
                        sections.Insert(0, new GeneratedSection(leadTitle, leads));
                }

                areas.Add(new GeneratedArea(areaTitle, sections));
            }

            return (areas, people.OrderBy(_ => Next(1000)).ToList());
        });
    }

    private static Gen<(string Role, bool UsualStart)[]> RoleGen(int count) => Role.Array[count * 6];

    /// <summary>
    /// Leads: on a line page, a lead's name is one the page also lists, or its role begins the usual way
    /// (otherwise where the name ends cannot be told, by a person either).
    /// </summary>
    private static List<GeneratedCredit> LeadsFor(GeneratedShape shape, List<string> people, HashSet<string> listed, (string Role, bool UsualStart)[] roles, Func<int, int> next)
    {
        var leads = new List<GeneratedCredit>();
        var count = 1 + next(5);
        for (var k = 0; k < count; k++)
        {
            var (role, usual) = roles[next(roles.Length)];
            var candidates = shape == GeneratedShape.Lines && !usual ? listed.ToList() : people;
            if (candidates.Count == 0) continue;
            var name = candidates[next(candidates.Count)];
            if (leads.All(l => l.Person != name))
                leads.Add(new GeneratedCredit(name, role));
        }

        return leads;
    }

    /// <summary>On a glued page the next heading or name is glued to a name: it may not end in capitals ("…III").</summary>
    private static bool GluedCanCarry(string name) => !char.IsUpper(name[^1]) && !name.Contains(',');

    private static readonly string[] ContributionTypes = ["code", "doc", "design", "bug", "ideas", "test", "infra", "translation", "review", "dataViz"];

    private static readonly Gen<GeneratedPage> AllContributorsPage =
        Gen.Select(Pick(["kite", "heron-sdk", "Atlas Maps", "tidal"]), Name.Array[1, 15], Gen.Int[0, 1023].Array[15], (project, names, masks) =>
        {
            // Every contributor has at least one type; the sections are the types in the order they first appear.
            var contributors = names.Distinct()
                .Select((name, p) => (Name: name, Types: ContributionTypes.Where((_, t) => ((masks[p] | 1 << (p % ContributionTypes.Length)) & 1 << t) != 0).ToArray()))
                .ToList();
            var sections = contributors.SelectMany(c => c.Types).Distinct()
                .Select(type => new GeneratedSection(
                    CreditsBot.Core.Import.AllContributorsParser.TitleOf(type),
                    contributors.Where(c => c.Types.Contains(type)).Select(c => new GeneratedCredit(c.Name, null)).ToList()))
                .ToList();
            return new GeneratedPage(GeneratedShape.AllContributors, project, [new GeneratedArea("Contributors", sections)], [], false)
            {
                Contributors = contributors,
            };
        });
}
