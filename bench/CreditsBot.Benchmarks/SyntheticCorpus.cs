using CreditsBot.Core.Model;

namespace CreditsBot.Benchmarks;

/// <summary>
/// A deterministic catalog of any size: documents of areas of sections of credits, with realistic names
/// from many languages (diacritics, particles, apostrophes, hyphens), middle names, and a role on one credit in ten.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] GivenNames =
    [
        "Anna", "José", "Zoë", "Łukasz", "Søren", "Björn", "François", "Małgorzata", "Dorothée", "Ingrid", "Jürgen", "Ana", "Chloé",
        "Mateusz", "Wojciech", "Siobhán", "Seán", "Niamh", "Ólafur", "Þórdís", "Dagný", "Ines", "João", "Conceição", "Renée", "Hélène",
        "Çağla", "Şule", "Ömer", "İlkay", "Nguyễn", "Thảo", "Minh", "Hiroshi", "Yūki", "Kenta", "Mei", "Wei", "Xiaoling", "Jiho",
        "Seo-yeon", "Min-jun", "Aarav", "Priya", "Ananya", "Rohan", "Fatima", "Omar", "Layla", "Youssef", "Amara", "Chidi", "Ngozi",
        "Kwame", "Abebe", "Liya", "Mikhail", "Olga", "Dmitri", "Anastasia", "Tomás", "Lucía", "Álvaro", "Sofía", "Matías", "Valentina",
        "Giulia", "Lorenzo", "Chiara", "Niccolò", "Emma", "Liam", "Olivia", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Isabella", "Mason",
        "Christopher", "Michael", "Nicholas", "Katherine", "Elizabeth", "Jonathan", "Alexander", "Benjamin", "Samuel", "Daniel",
        "Greg", "Chris", "Mike", "Nick", "Kate", "Liz", "Jon", "Alex", "Ben", "Sam", "Dan", "Madeleine", "Madeline", "Felipe", "Akila",
    ];

    private static readonly string[] Surnames =
    [
        "Müller", "Nowak", "O'Brien", "O’Connor", "García", "Ødegaard", "Şahin", "Kowalczyk", "Wiśniewski", "Dvořák", "Novák",
        "Hernández", "López", "Pérez", "de la Cruz", "van der Berg", "de Vries", "MacDonald", "McAllister", "Fitzgerald", "Nguyen",
        "Tanaka", "Suzuki", "Yamamoto", "Kim", "Park", "Lee", "Chen", "Wang", "Zhang", "Liu", "Singh", "Patel", "Sharma", "Gupta",
        "Okafor", "Mensah", "Haddad", "Mansour", "Ivanov", "Petrova", "Smirnov", "Rossi", "Bianchi", "Esposito", "Dubois", "Lefèvre",
        "Moreau", "Brontë", "Strauß", "Schröder", "Jørgensen", "Lindqvist", "Åberg", "Virtanen", "Kovačević", "Horváth", "Nagy",
        "Papadopoulos", "Yılmaz", "Öztürk", "Gontijo-Lopes", "Smith-Jones", "Berg", "Bergström", "Johansson", "Andersson", "Eriksson",
        "Taylor", "Brown", "Wilson", "Anderson", "Thomas", "Jackson", "White", "Harris", "Martin", "Thompson", "Robinson", "Clark",
        "Brockman", "Zaremba", "Pachocki", "Sidor", "Tezak", "Kaiser", "Welihinda", "Weliwinda", "Boyd", "Such", "Jain", "Zhao",
    ];

    private static readonly string[] Middles = ["", "", "", "", "", "", "Maria", "J.", "Lee", "Anne", "Ren", "de", "Karl", "Rose"];

    private static readonly string[] AreaWords =
    [
        "Pretraining", "Vision", "Long context", "Alignment", "Evaluation & analysis", "Deployment", "Safety", "Infrastructure",
        "Research", "Acknowledgements", "Audio", "Robotics",
    ];

    private static readonly string[] SectionWords =
    [
        "Core contributors", "Data", "Compute cluster scaling", "Distributed training infrastructure", "Hardware correctness",
        "Optimization & architecture", "Training run babysitting", "Kernels", "Red teaming", "Policy research", "Inference",
        "Reliability engineering", "Trust & safety", "Product management", "Communications", "Legal", "Security & privacy",
        "Model-graded evaluation", "Dataset contributions", "Code capability",
    ];

    private static readonly string[] RoleWords =
    [
        "Infrastructure", "Data", "Optimization", "Architecture", "Inference", "Kernels", "Evaluation", "Safety", "Policy",
        "Throughput", "Uptime", "Triton", "Reward model", "Long context", "Vision", "Deployment", "Research", "Design",
    ];

    private static readonly string[] RoleKinds = ["lead", "co-lead", "vice lead", "manager", "engineer", "research lead"];

    /// <summary>People in the corpus, as written (every credited name).</summary>
    public static string[] People(int count)
    {
        var random = new Random(7);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < count)
        {
            var middle = Middles[random.Next(Middles.Length)];
            var suffix = names.Count >= GivenNames.Length * Surnames.Length ? " " + Surnames[random.Next(Surnames.Length)] : "";
            var name = $"{GivenNames[random.Next(GivenNames.Length)]}{(middle.Length > 0 ? " " + middle : "")} {Surnames[random.Next(Surnames.Length)]}{suffix}";
            names.Add(name);
        }
        return names.Order(StringComparer.Ordinal).ToArray();
    }

    public static CreditsCatalog Build(int credits, int people, int creditsPerSection = 50)
    {
        var random = new Random(42);
        var names = People(people);
        var documents = new List<CreditsDocument>();
        var made = 0;
        var documentIndex = 0;
        while (made < credits)
        {
            var areas = new List<CreditArea>();
            foreach (var area in AreaWords.Take(10))
            {
                var sections = new List<CreditSection>();
                foreach (var title in SectionWords)
                {
                    if (made >= credits)
                        break;
                    var count = Math.Min(creditsPerSection, credits - made);
                    var list = new List<Credit>(count);
                    for (var i = 0; i < count; i++)
                    {
                        // Skewed choice: some people are credited far more often than others, as on real pages.
                        var index = (int)(Math.Pow(random.NextDouble(), 2) * names.Length);
                        var role = random.Next(10) == 0
                            ? $"{RoleWords[random.Next(RoleWords.Length)]} {RoleKinds[random.Next(RoleKinds.Length)]}"
                            : null;
                        list.Add(new Credit(names[index], role));
                    }
                    made += count;
                    sections.Add(new CreditSection($"{title} {documentIndex % 7 + 1}", list));
                }
                if (sections.Count > 0)
                    areas.Add(new CreditArea(area, sections));
            }
            documents.Add(new CreditsDocument($"project-{documentIndex}", $"Project {documentIndex} contributions", $"project-{documentIndex}.txt", null, areas));
            documentIndex++;
        }
        return new CreditsCatalog(documents, DateTimeOffset.UnixEpoch);
    }
}
