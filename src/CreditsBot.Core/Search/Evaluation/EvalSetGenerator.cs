using CreditsBot.Core.Model;
using CreditsBot.Core.Search.Index;

namespace CreditsBot.Core.Search.Evaluation;

/// <summary>
/// The generated evaluation: from a catalog's own names, sections and roles, and the
/// <see cref="NoiseModel"/>, queries with known answers, class by class, plus "none" queries nobody here
/// answers. The same seed gives the same set; the tuning part and the check part use different seeds.
/// </summary>
public sealed class EvalSetGenerator
{
    public const int TuningSeed = 1, CheckSeed = 2, HeldOutPhrasingSeed = 3;

    private readonly CreditsCatalog catalog;
    private readonly List<(string Fold, string Raw, string[] Words)> people;
    private readonly HashSet<string> personFolds;
    private readonly HashSet<string> nameWords;

    public EvalSetGenerator(CreditsCatalog catalog)
    {
        this.catalog = catalog;
        people = catalog.Entries()
            .Select(e => e.Person.Trim())
            .GroupBy(EvalQuery.Fold)
            .Where(g => g.Key.Length > 0)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First(), g.First().Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        personFolds = people.Select(p => p.Fold).ToHashSet(StringComparer.Ordinal);
        nameWords = people.SelectMany(p => p.Fold.Split(' ')).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Both parts: the tuning part from <see cref="TuningSeed"/>, the check part from <see cref="CheckSeed"/>.</summary>
    public List<EvalQuery> Both(int perClass) => [.. Generate(EvalPart.Tuning, perClass), .. Generate(EvalPart.Check, perClass)];

    public List<EvalQuery> Generate(EvalPart part, int perClass)
    {
        var random = new Random(part == EvalPart.Tuning ? TuningSeed : CheckSeed);
        var queries = new List<EvalQuery>();
        queries.AddRange(PersonQueries(part, perClass, random));
        queries.AddRange(AutocompleteQueries(part, perClass, random));
        queries.AddRange(new SectionAndRoleQueries(catalog, nameWords).Generate(part, Math.Max(perClass / 3, 10), random));
        return queries;
    }

    private delegate string? Noise((string Fold, string Raw, string[] Words) person, Random random);

    /// <summary>The noise classes of person queries; "checked" ones keep a query only if the target is strictly the nearest name.</summary>
    private static readonly (string Class, bool Checked, Noise Make)[] PersonNoise =
    [
        ("exact", false, (p, r) => NoiseModel.RandomCase(p.Raw, r)),
        ("substitution", true, (p, r) => SlipInWord(p.Words, NoiseModel.Slip.Substitution, r, minLength: 3)),
        ("deletion", true, (p, r) => SlipInWord(p.Words, NoiseModel.Slip.Deletion, r, minLength: 4)),
        ("insertion", true, (p, r) => SlipInWord(p.Words, NoiseModel.Slip.Insertion, r, minLength: 3)),
        ("transposition", true, (p, r) => SlipInWord(p.Words, NoiseModel.Slip.Transposition, r, minLength: 3)),
        ("doubled letter", true, (p, r) => SlipInWord(p.Words, NoiseModel.Slip.Doubling, r, minLength: 3)),
        ("slip in a short word", true, (p, r) => p.Words.Length < 2 ? null : SlipInWord(p.Words, RandomSlip(r), r, minLength: 3, maxLength: 4)),
        ("two slips", true, TwoSlips),
        ("sound-alike", true, SoundAlike),
        ("accents", false, (p, r) => NoiseModel.ToggleAccents(p.Raw, r)),
        ("split part", true, (p, r) => NoiseModel.SplitWord(p.Words, r)),
        ("joined parts", true, (p, r) => NoiseModel.JoinWords(p.Words, r)),
        ("surname first", false, (p, r) => NoiseModel.SurnameFirst(p.Words, r)),
        ("filler and honorifics", false, (p, r) => NoiseModel.WithFiller(r.Next(2) == 0 ? p.Raw : p.Raw.ToLowerInvariant(), r)),
        ("stray punctuation", false, (p, r) => NoiseModel.WithStrayPunctuation(p.Raw, r)),
    ];

    private IEnumerable<EvalQuery> PersonQueries(EvalPart part, int perClass, Random random)
    {
        foreach (var (name, isChecked, make) in PersonNoise)
        {
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; made.Count < perClass && attempt < perClass * 20; attempt++)
            {
                var person = people[random.Next(people.Count)];
                var text = make(person, random);
                if (text is null || !made.Add(text))
                    continue;
                var fold = EvalQuery.Fold(text);
                if (fold != person.Fold && personFolds.Contains(fold))
                    continue; // the slip made another credited name
                if (isChecked && !NearestIs(fold, person.Fold))
                    continue;
                yield return new EvalQuery(part, EvalKind.Person, name, text, [person.Fold]);
            }
        }
        if (part == EvalPart.Check)
        {
            // Wording of requests the tuning part never has, from a random of its own so that the other classes'
            // queries stay what they were.
            var own = new Random(HeldOutPhrasingSeed);
            var phrased = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; phrased.Count < perClass && attempt < perClass * 20; attempt++)
            {
                var person = people[own.Next(people.Count)];
                var text = NoiseModel.WithHeldOutPhrasing(own.Next(2) == 0 ? person.Raw : person.Raw.ToLowerInvariant(), own);
                if (phrased.Add(text))
                    yield return new EvalQuery(part, EvalKind.Person, "held-out request phrasing", text, [person.Fold]);
            }
        }
        foreach (var query in NonePersonQueries(part, perClass, random))
            yield return query;
    }

    private IEnumerable<EvalQuery> NonePersonQueries(EvalPart part, int perClass, Random random)
    {
        var givens = people.Where(p => p.Words.Length >= 2).Select(p => p.Words[0]).Distinct().ToArray();
        var surnames = people.Where(p => p.Words.Length >= 2).Select(p => p.Words[^1]).Distinct().ToArray();
        var made = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; made.Count < perClass && attempt < perClass * 50; attempt++)
        {
            var text = $"{givens[random.Next(givens.Length)]} {surnames[random.Next(surnames.Length)]}";
            var words = EvalQuery.Fold(text).Split(' ');
            // Nobody may carry both words, and the pair must not be a slip away from a credited name.
            if (people.Any(p => words.All(w => p.Fold.Split(' ').Contains(w))) || !FarFromEveryName(EvalQuery.Fold(text), 3))
                continue;
            if (made.Add(text))
                yield return new EvalQuery(part, EvalKind.Person, "none: recombined names", NoiseModel.RandomCase(text, random), []);
        }

        foreach (var famous in EvalVocabulary.WellKnownPeople)
        {
            var fold = EvalQuery.Fold(famous);
            if (personFolds.Contains(fold) || people.Any(p => fold.Split(' ').All(w => p.Fold.Split(' ').Contains(w))))
                continue;
            var text = random.Next(3) == 0 ? NoiseModel.WithFiller(famous, random) : NoiseModel.RandomCase(famous, random);
            yield return new EvalQuery(part, EvalKind.Person, "none: well-known people", text, []);
        }

        var plain = EvalVocabulary.PlainWords.Where(w => !nameWords.Contains(w)).ToArray();
        made.Clear();
        for (var attempt = 0; made.Count < perClass / 2 && attempt < perClass * 20; attempt++)
        {
            var count = 1 + random.Next(3);
            var text = string.Join(' ', Enumerable.Range(0, count).Select(_ => plain[random.Next(plain.Length)]));
            if (made.Add(text))
                yield return new EvalQuery(part, EvalKind.Person, "none: plain words", text, []);
        }
    }

    private IEnumerable<EvalQuery> AutocompleteQueries(EvalPart part, int perClass, Random random)
    {
        var classes = new (string Class, Func<(string Fold, string Raw, string[] Words), Random, (string Text, bool Slipped)?> Make)[]
        {
            ("prefix", (p, r) => FullPrefix(p, r, keepAccents: r.Next(2) == 0) is { } t ? (t, false) : null),
            ("prefix with a slip", (p, r) => FullPrefix(p, r, keepAccents: false) is { } t && SlipInPrefix(t, r) is { } s ? (s, true) : null),
            ("accent typed", (p, r) => NoiseModel.StripAccents(p.Raw) != p.Raw && FullPrefix(p, r, keepAccents: true) is { } t ? (t, false) : null),
            ("surname prefix", (p, r) => SurnamePrefix(p, r) is { } t ? (t, false) : null),
            ("surname prefix with a slip", (p, r) => SurnamePrefix(p, r) is { } t && SlipInPrefix(t, r) is { } s ? (s, true) : null),
        };
        foreach (var (name, make) in classes)
        {
            var made = new HashSet<string>(StringComparer.Ordinal);
            for (var attempt = 0; made.Count < perClass && attempt < perClass * 20; attempt++)
            {
                var person = people[random.Next(people.Count)];
                if (make(person, random) is not var (text, slipped) || !made.Add(text))
                    continue;
                if (slipped && !NearestByPrefixIs(EvalQuery.Fold(text), person.Fold))
                    continue;
                yield return new EvalQuery(part, EvalKind.Autocomplete, name, text, [person.Fold]);
            }
        }
        foreach (var symbols in EvalVocabulary.SymbolsOnly)
            yield return new EvalQuery(part, EvalKind.Autocomplete, "none: symbols only", symbols, []);
        foreach (var famous in EvalVocabulary.WellKnownPeople.Take(perClass / 2))
        {
            var fold = EvalQuery.Fold(famous);
            if (people.Any(p => p.Fold.StartsWith(fold[..Math.Min(fold.Length, 4)], StringComparison.Ordinal)) || !FarFromEveryName(fold, 3))
                continue;
            yield return new EvalQuery(part, EvalKind.Autocomplete, "none: well-known people", famous, []);
        }
    }

    /// <summary>The start of the full name, just long enough to pick out one person, and up to three letters more.</summary>
    private string? FullPrefix((string Fold, string Raw, string[] Words) person, Random random, bool keepAccents)
    {
        var raw = keepAccents ? person.Raw : NoiseModel.StripAccents(person.Raw);
        for (var k = 3; k <= raw.Length; k++)
        {
            var fold = EvalQuery.Fold(raw[..k]);
            if (fold.Length < 3 || raw[k - 1] == ' ')
                continue;
            if (!people.Any(p => p.Fold != person.Fold && p.Fold.StartsWith(fold, StringComparison.Ordinal)))
            {
                var cut = Math.Min(raw.Length, k + random.Next(4));
                var typed = raw[..cut].TrimEnd();
                return random.Next(3) == 0 ? typed : typed.ToLowerInvariant();
            }
        }
        return null; // the whole name begins another one ("Janko" / "Janko Altenschmidt")
    }

    /// <summary>The start of the surname alone, just long enough that no other person has a word starting so.</summary>
    private string? SurnamePrefix((string Fold, string Raw, string[] Words) person, Random random)
    {
        if (person.Words.Length < 2)
            return null;
        var surname = EvalQuery.Fold(person.Words[^1]);
        if (surname.Length < 5 || surname.Contains(' '))
            return null;
        for (var k = 4; k <= surname.Length; k++)
        {
            var prefix = surname[..k];
            if (!people.Any(p => p.Fold != person.Fold && p.Fold.Split(' ').Any(w => w.StartsWith(prefix, StringComparison.Ordinal))))
                return surname[..Math.Min(surname.Length, k + random.Next(3))];
        }
        return null;
    }

    private static string? SlipInPrefix(string prefix, Random random)
    {
        var words = prefix.Split(' ');
        var w = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4).DefaultIfEmpty(-1).Last();
        if (w < 0)
            return null;
        // No slip in the last two letters: they are still being typed.
        var head = words[w][..^2];
        words[w] = NoiseModel.ApplySlip(head, random.Next(2) == 0 ? NoiseModel.Slip.Substitution : RandomSlip(random), random) + words[w][^2..];
        return string.Join(' ', words);
    }

    private static NoiseModel.Slip RandomSlip(Random random) => (NoiseModel.Slip)random.Next(5);

    private static string? SlipInWord(string[] words, NoiseModel.Slip slip, Random random, int minLength, int maxLength = int.MaxValue)
    {
        var candidates = Enumerable.Range(0, words.Length)
            .Where(i => words[i].Length >= minLength && words[i].Length <= maxLength && words[i].All(char.IsLetter))
            .ToList();
        if (candidates.Count == 0)
            return null;
        var w = candidates[random.Next(candidates.Count)];
        var copy = (string[])words.Clone();
        copy[w] = NoiseModel.ApplySlip(words[w], slip, random);
        return string.Join(' ', copy);
    }

    private static string? TwoSlips((string Fold, string Raw, string[] Words) person, Random random)
    {
        var candidates = Enumerable.Range(0, person.Words.Length).Where(i => person.Words[i].Length >= 7 && person.Words[i].All(char.IsLetter)).ToList();
        if (candidates.Count == 0)
            return null;
        var w = candidates[random.Next(candidates.Count)];
        var copy = (string[])person.Words.Clone();
        copy[w] = NoiseModel.ApplySlip(NoiseModel.ApplySlip(copy[w], RandomSlip(random), random), RandomSlip(random), random);
        return string.Join(' ', copy);
    }

    private static string? SoundAlike((string Fold, string Raw, string[] Words) person, Random random)
    {
        var order = Enumerable.Range(0, person.Words.Length).OrderBy(_ => random.Next()).ToList();
        foreach (var w in order)
        {
            if (person.Words[w].Length >= 4 && NoiseModel.SoundAlike(person.Words[w], random) is { } rewritten)
            {
                var copy = (string[])person.Words.Clone();
                copy[w] = rewritten;
                return string.Join(' ', copy);
            }
        }
        return null;
    }

    /// <summary>True when the target is strictly nearer the typed text (edit distance over the whole name) than any other name.</summary>
    private bool NearestIs(string typed, string target)
    {
        var distance = TextDistance.Edits(typed, target, 6);
        if (distance > 5)
            return false;
        return people.All(p => p.Fold == target || TextDistance.Edits(typed, p.Fold, distance) > distance);
    }

    private bool NearestByPrefixIs(string typed, string target)
    {
        var distance = PrefixDistance(typed, target);
        return distance <= 2 && people.All(p => p.Fold == target || PrefixDistance(typed, p.Fold) > distance);
    }

    private static int PrefixDistance(string typed, string name)
    {
        var best = int.MaxValue;
        for (var k = Math.Max(1, typed.Length - 2); k <= Math.Min(name.Length, typed.Length + 2); k++)
            best = Math.Min(best, TextDistance.Edits(typed, name[..k], 3));
        return best;
    }

    private bool FarFromEveryName(string fold, int minimum) =>
        people.All(p => TextDistance.Edits(fold, p.Fold, minimum - 1) >= minimum);

    public static string DisplayName(CreditsDocument document, CreditArea area, CreditSection section) =>
        CreditsIndexData.DisplayName(document, area, section);
}
