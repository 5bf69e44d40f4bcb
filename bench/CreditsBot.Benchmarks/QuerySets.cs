using CreditsBot.Core.Model;

namespace CreditsBot.Benchmarks;

/// <summary>Realistic query mixes drawn deterministically from a catalog.</summary>
internal sealed class QuerySets
{
    public required List<string> People { get; init; }
    public required List<string> Roles { get; init; }
    public required List<string> Sections { get; init; }
    public required List<string> Prefixes { get; init; }

    public static QuerySets From(CreditsCatalog catalog, int count, int seed)
    {
        var random = new Random(seed);
        var names = catalog.Entries().Select(e => e.Person).Distinct(StringComparer.Ordinal).ToArray();
        var roles = catalog.Entries().Select(e => e.Role).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var sections = catalog.Documents.SelectMany(d => d.Areas.SelectMany(a => a.Sections.Select(s => (Area: a.Title, s.Title)))).Distinct().ToArray();

        string Pick(string[] from) => from[random.Next(from.Length)];
        var people = new List<string>();
        var prefixes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = Pick(names);
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            people.Add((i % 5) switch
            {
                0 => name,
                1 => name.ToLowerInvariant(),
                2 => Typo(name, random),
                3 => words[^1],
                _ => words[0],
            });
            var typed = name.ToLowerInvariant();
            prefixes.Add(typed[..Math.Min(typed.Length, 2 + i % 3)]);
        }
        var roleQueries = new List<string>();
        var sectionQueries = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var role = Pick(roles).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            roleQueries.Add(i % 3 == 0 ? "who led " + string.Join(' ', role.Take(2)) : string.Join(' ', role.Take(1 + i % 3)));
            var (area, title) = sections[random.Next(sections.Length)];
            sectionQueries.Add(i % 2 == 0 ? title : $"{area} / {title}");
        }
        return new QuerySets { People = people, Roles = roleQueries, Sections = sectionQueries, Prefixes = prefixes };
    }

    /// <summary>Swaps two neighbouring letters of the longest word (the commonest slip).</summary>
    private static string Typo(string name, Random random)
    {
        var words = name.Split(' ');
        var longest = words.OrderByDescending(w => w.Length).First();
        if (longest.Length < 5)
            return name;
        var at = 1 + random.Next(longest.Length - 3);
        var chars = longest.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return name.Replace(longest, new string(chars));
    }
}
