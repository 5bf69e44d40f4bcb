using CreditsBot.Core.Import;
using CreditsBot.Core.Model;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Connections;

namespace CreditsBot.Core.Tests.Search.Connections;

/// <summary>
/// The connections of every person in the bundled pages against a plain count over the imported catalog.
/// Who is one person comes from the public search (each spelling's person and their "also credited as", merged);
/// everything else — members, scores, order, shared sections, chains — is counted here from the pages.
/// </summary>
public class SeedConnectionsTests
{
    private static readonly Lazy<BruteForce> Seeds = new(() => new BruteForce(SeedPageImporter.ImportFolders([SeedSearch.SeedsFolder])));

    [Fact]
    public void With_gives_every_person_exactly_the_counted_collaborators_scores_and_shared_sections_best_first()
    {
        var seeds = Seeds.Value;
        Assert.True(seeds.People.Count > 300);
        foreach (var person in seeds.People)
        {
            var result = seeds.Engine.Collaborators(seeds.KeyOf(person), int.MaxValue);
            Assert.NotNull(result);
            Assert.Equal(seeds.SpellingsOf(person), result.Person.Spellings.ToHashSet());
            var expected = seeds.Collaborators(person);
            Assert.Equal(expected.Count, result.Total);
            Assert.Equal(expected.Count, result.Collaborators.Count);
            foreach (var collaborator in result.Collaborators)
            {
                var other = seeds.PersonOfSpelling[collaborator.Person.Spellings[0]];
                Assert.True(expected.TryGetValue(other, out var counted), $"{collaborator.Person.Name} is not a collaborator of {person}");
                Assert.Equal(counted.Score, collaborator.Score, 9);
                Assert.Equal(counted.Sections, collaborator.Shared.Select(s => s.Section));
            }
            // Best first: never a higher score, or an equal score with more shared sections, after a lower one.
            foreach (var (earlier, later) in result.Collaborators.Zip(result.Collaborators.Skip(1)))
            {
                var (x, y) = (Math.Round(earlier.Score, 9), Math.Round(later.Score, 9));
                Assert.True(x > y || (x == y && earlier.Shared.Count >= later.Shared.Count), $"{person}: {earlier.Person.Name} before {later.Person.Name}");
            }
        }
    }

    [Fact]
    public void The_first_three_of_with_are_the_three_best_under_the_rule()
    {
        var seeds = Seeds.Value;
        foreach (var person in seeds.People)
        {
            var best = seeds.Engine.Collaborators(seeds.KeyOf(person), 3)!.Collaborators;
            var ranked = seeds.Collaborators(person).Values
                .OrderByDescending(c => Math.Round(c.Score, 9)).ThenByDescending(c => c.Sections.Count).ToList();
            for (var i = 0; i < best.Count; i++)
            {
                // Ties in any order: the i-th answer scores as the i-th best of the count.
                Assert.Equal(ranked[i].Score, best[i].Score, 9);
                Assert.Equal(ranked[i].Sections.Count, best[i].Shared.Count);
            }
            Assert.Equal(Math.Min(3, ranked.Count), best.Count);
        }
    }

    [Fact]
    public void Compare_lists_exactly_the_shared_sections_and_each_ones_others_for_every_person()
    {
        var seeds = Seeds.Value;
        var people = seeds.People;
        for (var i = 0; i < people.Count; i++)
        {
            // Each person against a collaborator and against someone far down the list.
            var partners = new[] { seeds.Collaborators(people[i]).Keys.FirstOrDefault(), people[(i * 7 + 13) % people.Count] };
            foreach (var partner in partners.OfType<string>())
            {
                var result = seeds.Engine.Compare(seeds.KeyOf(people[i]), seeds.KeyOf(partner));
                Assert.NotNull(result);
                var (mine, theirs) = (seeds.SectionsOf(people[i]), seeds.SectionsOf(partner));
                Assert.Equal(mine.Intersect(theirs), result.Shared.Select(s => s.Section.Section));
                Assert.Equal(mine.Except(theirs), result.OnlyA.Select(s => s.Section.Section));
                Assert.Equal(theirs.Except(mine), result.OnlyB.Select(s => s.Section.Section));
                Assert.All(result.Shared, s => Assert.True(s.CreditsA.Count > 0 && s.CreditsB.Count > 0));
                CheckChain(seeds, people[i], partner, result);
            }
        }
    }

    private static void CheckChain(BruteForce seeds, string a, string b, ComparisonResult result)
    {
        var (steps, cost) = seeds.ShortestChain(a, b);
        if (steps < 0)
        {
            Assert.Null(result.Chain);
            return;
        }
        Assert.NotNull(result.Chain);
        Assert.Equal(steps, result.Chain.Count);
        Assert.Equal(cost, result.Chain.Sum(s => s.Section.Members));
        var at = a;
        foreach (var step in result.Chain)
        {
            Assert.Equal(at, seeds.PersonOfSpelling[step.From.Spellings[0]]);
            at = seeds.PersonOfSpelling[step.To.Spellings[0]];
            Assert.Contains(step.Section.Section, seeds.SectionsOf(step.From.Spellings[0]));
            Assert.Contains(step.Section.Section, seeds.SectionsOf(at));
        }
        Assert.Equal(b, at);
    }

    /// <summary>The rule counted the plain way. A person is named by the first spelling of their group in page order.</summary>
    private sealed class BruteForce
    {
        private readonly CreditsCatalog catalog;
        private readonly List<(CreditSection Section, List<string> Members)> sections = [];
        private readonly Dictionary<string, string> keys = [];

        public BruteForce(CreditsCatalog catalog)
        {
            this.catalog = catalog;
            var engine = new CreditsSearchEngine();
            engine.Publish(catalog, "seeds");
            Engine = engine;
            PersonOfSpelling = GroupSpellings(engine, catalog);
            People = catalog.Entries().Select(e => PersonOfSpelling[e.Person]).Distinct().ToList();
            foreach (var document in catalog.Documents)
                foreach (var area in document.Areas)
                    foreach (var section in area.Sections)
                        sections.Add((section, section.Credits.Select(c => PersonOfSpelling[c.Person]).Distinct().ToList()));
            foreach (var person in People)
                keys[person] = PersonHitOf(engine, person).Key;
        }

        public CreditsSearchEngine Engine { get; }

        public Dictionary<string, string> PersonOfSpelling { get; }

        public List<string> People { get; }

        public string KeyOf(string person) => keys[person];

        public HashSet<string> SpellingsOf(string person) => PersonOfSpelling.Where(p => p.Value == person).Select(p => p.Key).ToHashSet();

        public List<CreditSection> SectionsOf(string spelling)
        {
            var person = PersonOfSpelling[spelling];
            return sections.Where(s => s.Members.Contains(person)).Select(s => s.Section).ToList();
        }

        public Dictionary<string, (double Score, List<CreditSection> Sections)> Collaborators(string person)
        {
            var found = new Dictionary<string, (double Score, List<CreditSection> Sections)>();
            foreach (var (section, members) in sections.Where(s => s.Members.Contains(person)))
            {
                foreach (var other in members.Where(m => m != person))
                {
                    var (score, shared) = found.TryGetValue(other, out var so_far) ? so_far : (0.0, new List<CreditSection>());
                    shared.Add(section);
                    found[other] = (score + 1.0 / (members.Count - 1), shared);
                }
            }
            return found;
        }

        /// <summary>Fewest steps (≤ 4) and, among those, the least total of section sizes; (−1, 0) when there is none.</summary>
        public (int Steps, int Cost) ShortestChain(string a, string b)
        {
            if (a == b)
                return (0, 0);
            var cost = new Dictionary<string, int> { [a] = 0 };
            for (var step = 1; step <= ChainFinder.MaxSteps; step++)
            {
                var next = new Dictionary<string, int>();
                foreach (var (_, members) in sections)
                {
                    var inLayer = members.Where(cost.ContainsKey).ToList();
                    if (inLayer.Count == 0)
                        continue;
                    var through = inLayer.Min(m => cost[m]) + members.Count;
                    foreach (var member in members.Where(m => !cost.ContainsKey(m)))
                        next[member] = Math.Min(next.GetValueOrDefault(member, int.MaxValue), through);
                }
                if (next.TryGetValue(b, out var found))
                    return (step, found);
                foreach (var (person, c) in next)
                    cost[person] = c;
            }
            return (-1, 0);
        }

        private static PersonHit PersonHitOf(ICreditsSearch search, string spelling) =>
            search.FindPerson(spelling, 10).Hits.First(h => h.Credits.Any(c => c.Person == spelling));

        /// <summary>Spellings the search counts as one person (same hit), joined with that hit's "also credited as", transitively.</summary>
        private static Dictionary<string, string> GroupSpellings(ICreditsSearch search, CreditsCatalog catalog)
        {
            var spellings = catalog.Entries().Select(e => e.Person).Distinct().ToList();
            var parent = spellings.ToDictionary(s => s, s => s);
            string Root(string s) => parent[s] == s ? s : parent[s] = Root(parent[s]);
            void Join(string x, string y)
            {
                var (rx, ry) = (Root(x), Root(y));
                if (rx != ry)
                    parent[spellings.IndexOf(rx) < spellings.IndexOf(ry) ? ry : rx] = spellings.IndexOf(rx) < spellings.IndexOf(ry) ? rx : ry;
            }
            foreach (var spelling in spellings)
            {
                var hit = PersonHitOf(search, spelling);
                foreach (var credit in hit.Credits)
                    Join(spelling, credit.Person);
                foreach (var variant in hit.AlsoCreditedAs)
                    Join(spelling, variant);
            }
            return spellings.ToDictionary(s => s, Root);
        }
    }
}
