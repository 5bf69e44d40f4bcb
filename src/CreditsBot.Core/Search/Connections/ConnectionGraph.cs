using CreditsBot.Core.Model;
using CreditsBot.Core.Search.Index;

namespace CreditsBot.Core.Search.Connections;

/// <summary>
/// People and sections as a two-sided graph in flat arrays, built once per index generation in one pass over
/// the credits. A "person" (numbered 0…<see cref="PersonCount"/>−1) is an indexed person merged with their
/// "also credited as" people, transitively (see <see cref="MergeVariants"/>); each section lists its distinct people in page order and each
/// person their distinct sections in page order, so a section's size is its number of distinct people.
/// </summary>
internal sealed class ConnectionGraph
{
    private readonly IndexedPerson[] indexed;
    private readonly int[] personOfIndexed;
    private readonly int[] indexedStart, indexedOfPerson;   // person → its indexed people, best known first
    private readonly int[] sectionStart, sectionMembers;   // section → distinct people, page order
    private readonly int[] personStart, personSections;    // person → distinct sections, page order
    private readonly int[] firstSeen;                      // person → place of their first credit in the pages
    private readonly string[][] spellings;                 // person → every spelling merged into them

    private ConnectionGraph(SearchGeneration generation)
    {
        var data = generation.Data;
        indexed = data.People;
        Sections = data.Sections;
        personOfIndexed = MergeVariants(generation);
        PersonCount = personOfIndexed.Length == 0 ? 0 : personOfIndexed.Max() + 1;
        (indexedStart, indexedOfPerson) = Invert(personOfIndexed, PersonCount);

        var personOfSpelling = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in indexed)
            foreach (var credit in person.Credits)
                personOfSpelling.TryAdd(credit.Person, personOfIndexed[person.Ordinal]);

        var members = new List<int>();
        sectionStart = new int[Sections.Length + 1];
        firstSeen = Enumerable.Repeat(int.MaxValue, PersonCount).ToArray();
        var lastSection = Enumerable.Repeat(-1, PersonCount).ToArray();
        var place = 0;
        for (var s = 0; s < Sections.Length; s++)
        {
            sectionStart[s] = members.Count;
            foreach (var credit in Sections[s].Section.Credits)
            {
                place++;
                if (!personOfSpelling.TryGetValue(credit.Person, out var person) || lastSection[person] == s)
                    continue; // a name with no letters is not a person; a second credit in the section is not a second member
                lastSection[person] = s;
                firstSeen[person] = Math.Min(firstSeen[person], place);
                members.Add(person);
            }
        }
        sectionStart[Sections.Length] = members.Count;
        sectionMembers = members.ToArray();
        (personStart, personSections) = SectionsOfPeople();
        spellings = SpellingsOfPeople();
    }

    public static ConnectionGraph Build(SearchGeneration generation) => new(generation);

    public int PersonCount { get; }

    public IndexedSection[] Sections { get; }

    /// <summary>The connections person of an indexed person's key, or −1.</summary>
    public int PersonOfKey(CreditsIndexData data, string key) =>
        key is not null && data.PeopleByKey.TryGetValue(key, out var person) ? personOfIndexed[person.Ordinal] : -1;

    public ReadOnlySpan<int> Members(int section) => sectionMembers.AsSpan(sectionStart[section], sectionStart[section + 1] - sectionStart[section]);

    public int Size(int section) => sectionStart[section + 1] - sectionStart[section];

    public ReadOnlySpan<int> SectionsOf(int person) => personSections.AsSpan(personStart[person], personStart[person + 1] - personStart[person]);

    public int FirstSeen(int person) => firstSeen[person];

    /// <summary>The indexed people merged into one person, best known first (the first names them).</summary>
    public ReadOnlySpan<int> IndexedOf(int person) => indexedOfPerson.AsSpan(indexedStart[person], indexedStart[person + 1] - indexedStart[person]);

    public ConnectedPerson Describe(int person)
    {
        var best = indexed[IndexedOf(person)[0]];
        return new ConnectedPerson(best.Key, best.Name, spellings[person]);
    }

    /// <summary>Each person's spellings, best-known member first, each member's in page order.</summary>
    private string[][] SpellingsOfPeople()
    {
        var all = new string[PersonCount][];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        for (var person = 0; person < PersonCount; person++)
        {
            list.Clear();
            seen.Clear();
            foreach (var ordinal in IndexedOf(person))
                foreach (var credit in indexed[ordinal].Credits)
                    if (seen.Add(credit.Person))
                        list.Add(credit.Person);
            all[person] = list.ToArray();
        }
        return all;
    }

    public SectionRef DescribeSection(int section)
    {
        var s = Sections[section];
        return new SectionRef(s.Key, s.Document, s.Area, s.Section, Size(section));
    }

    /// <summary>A person's credits by section ordinal, in page order (more than one when a page lists them twice in a section).</summary>
    public Dictionary<int, List<CreditEntry>> CreditsBySection(int person)
    {
        var ordinalOf = new Dictionary<CreditSection, int>(ReferenceEqualityComparer.Instance);
        foreach (var section in SectionsOf(person))
            ordinalOf[Sections[section].Section] = section;
        var credits = new Dictionary<int, List<CreditEntry>>();
        foreach (var ordinal in IndexedOf(person))
        {
            foreach (var credit in indexed[ordinal].Credits)
            {
                if (!ordinalOf.TryGetValue(credit.Section, out var section))
                    continue;
                if (!credits.TryGetValue(section, out var list))
                    credits[section] = list = [];
                list.Add(credit);
            }
        }
        foreach (var list in credits.Values)
            list.Sort((x, y) => x.Order.CompareTo(y.Order));
        return credits;
    }

    /// <summary>
    /// Above this many people sharing a blocking key, near spellings are not merged: among that many similar names a
    /// one-letter difference is no evidence of one person, and comparing every pair would cost more than the index.
    /// </summary>
    public const int MaxMergedBlock = 32;

    /// <summary>
    /// Union of each indexed person with their probable other spellings ("also credited as", the search's rule), compared
    /// pairwise inside each blocking key of at most <see cref="MaxMergedBlock"/> people; a person is numbered by their
    /// best-known member.
    /// </summary>
    private static int[] MergeVariants(SearchGeneration generation)
    {
        var people = generation.Data.People;
        var parent = Enumerable.Range(0, people.Length).ToArray();
        int Root(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }

        var forms = new Dictionary<int, IReadOnlyList<string>>();
        IReadOnlyList<string> FormsOf(IndexedPerson person) =>
            forms.TryGetValue(person.Ordinal, out var known) ? known : forms[person.Ordinal] = GivenNameForms.OtherForms(person.Tokens[0]);

        foreach (var block in generation.Data.VariantBlocks.Values)
        {
            if (block.Length > MaxMergedBlock)
                continue;
            for (var i = 0; i < block.Length; i++)
            {
                for (var j = i + 1; j < block.Length; j++)
                {
                    var (x, y) = (people[block[i]], people[block[j]]);
                    if (Root(x.Ordinal) == Root(y.Ordinal))
                        continue;
                    if (PersonLookup.IsProbableVariant(x, y, FormsOf(x)) || PersonLookup.IsProbableVariant(y, x, FormsOf(y)))
                    {
                        var (a, b) = (Root(x.Ordinal), Root(y.Ordinal));
                        parent[Math.Max(a, b)] = Math.Min(a, b); // the root stays the best known (lowest ordinal)
                    }
                }
            }
        }

        var number = new int[people.Length];
        var count = 0;
        for (var i = 0; i < people.Length; i++)
            number[i] = Root(i) == i ? count++ : number[Root(i)];
        return number;
    }

    private static (int[] Start, int[] Items) Invert(int[] groupOf, int groups)
    {
        var start = new int[groups + 1];
        foreach (var group in groupOf)
            start[group + 1]++;
        for (var g = 0; g < groups; g++)
            start[g + 1] += start[g];
        var items = new int[groupOf.Length];
        var next = (int[])start.Clone();
        for (var i = 0; i < groupOf.Length; i++)
            items[next[groupOf[i]]++] = i;
        return (start, items);
    }

    private (int[] Start, int[] Items) SectionsOfPeople()
    {
        var sectionOf = new int[sectionMembers.Length];
        for (var s = 0; s < Sections.Length; s++)
            for (var i = sectionStart[s]; i < sectionStart[s + 1]; i++)
                sectionOf[i] = s;
        // Grouping member slots by person keeps each person's sections in page order.
        var (start, slots) = Invert(sectionMembers, PersonCount);
        return (start, slots.Select(slot => sectionOf[slot]).ToArray());
    }
}
