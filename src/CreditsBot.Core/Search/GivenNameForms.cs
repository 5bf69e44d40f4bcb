namespace CreditsBot.Core.Search;

/// <summary>
/// Common short forms of given names (general knowledge, English and a few Slavic and German forms),
/// folded to ASCII as the <see cref="Analysis.FoldedWordsAnalyzer"/> does. Used both ways: "Chris"
/// finds Christopher and "Christopher" finds Chris. Never used to merge two credited people.
/// </summary>
public static class GivenNameForms
{
    private static readonly (string Short, string[] Full)[] Table =
    [
        ("chris", ["christopher", "christian", "christine", "christina", "kristopher", "christoph"]),
        ("kris", ["kristopher", "kristin", "kristina", "christopher"]),
        ("mike", ["michael", "mikhail"]),
        ("mick", ["michael"]),
        ("misha", ["mikhail", "michael"]),
        ("nick", ["nicholas", "nikolas", "nicolas", "nikolai", "niklas", "nicola", "nikola"]),
        ("niko", ["nikolas", "nikolai", "nicholas"]),
        ("nico", ["nicolas", "nicholas"]),
        ("wojtek", ["wojciech"]),
        ("kuba", ["jakub"]),
        ("jakob", ["jakub", "jacob"]),
        ("szymek", ["szymon"]),
        ("tomek", ["tomasz"]),
        ("greg", ["gregory", "gregor", "grzegorz"]),
        ("alex", ["alexander", "alexandra", "alexis", "aleksander", "alexandre", "alessandro", "alexey", "aleksandr"]),
        ("sasha", ["alexander", "aleksandr", "alexandra"]),
        ("sam", ["samuel", "samantha"]),
        ("ben", ["benjamin"]),
        ("benji", ["benjamin"]),
        ("dan", ["daniel"]),
        ("danny", ["daniel"]),
        ("dave", ["david"]),
        ("jim", ["james"]),
        ("jimmy", ["james"]),
        ("jamie", ["james"]),
        ("bob", ["robert"]),
        ("rob", ["robert", "roberto"]),
        ("bobby", ["robert"]),
        ("bill", ["william"]),
        ("will", ["william"]),
        ("liam", ["william"]),
        ("tom", ["thomas", "tomas", "tomasz"]),
        ("tommy", ["thomas"]),
        ("jeff", ["jeffrey", "geoffrey", "jeffery"]),
        ("geoff", ["geoffrey"]),
        ("matt", ["matthew", "matthias", "mateusz", "matteo"]),
        ("andy", ["andrew", "andreas", "andrea"]),
        ("drew", ["andrew"]),
        ("joe", ["joseph", "josef"]),
        ("tony", ["anthony", "antonio", "anton"]),
        ("steve", ["steven", "stephen"]),
        ("pete", ["peter"]),
        ("jon", ["jonathan", "jonathon"]),
        ("johnny", ["john", "jonathan"]),
        ("nate", ["nathan", "nathaniel"]),
        ("josh", ["joshua"]),
        ("tim", ["timothy"]),
        ("ed", ["edward", "edwin", "edmund"]),
        ("eddie", ["edward"]),
        ("rick", ["richard", "ricardo"]),
        ("rich", ["richard"]),
        ("phil", ["philip", "phillip", "philipp", "philippe"]),
        ("fred", ["frederick", "frederic", "alfred"]),
        ("larry", ["lawrence", "laurence"]),
        ("ken", ["kenneth"]),
        ("ron", ["ronald"]),
        ("don", ["donald"]),
        ("doug", ["douglas"]),
        ("vince", ["vincent"]),
        ("zach", ["zachary", "zachariah"]),
        ("zack", ["zachary"]),
        ("max", ["maximilian", "maxim", "maxwell"]),
        ("vlad", ["vladimir"]),
        ("dima", ["dmitry", "dmitri"]),
        ("kate", ["katherine", "catherine", "kathryn", "katarzyna"]),
        ("katie", ["katherine", "catherine"]),
        ("cathy", ["catherine"]),
        ("liz", ["elizabeth"]),
        ("beth", ["elizabeth"]),
        ("jen", ["jennifer"]),
        ("jenny", ["jennifer"]),
        ("jess", ["jessica"]),
        ("becky", ["rebecca"]),
        ("meg", ["megan", "margaret"]),
        ("maggie", ["margaret"]),
        ("maddie", ["madeleine", "madeline", "madelaine", "madison"]),
        ("abby", ["abigail"]),
        ("vicky", ["victoria"]),
        ("tori", ["victoria"]),
        ("steph", ["stephanie"]),
        ("susie", ["susan", "suzanne"]),
        ("sue", ["susan"]),
        ("pat", ["patrick", "patricia"]),
        ("val", ["valerie", "valentin", "valentina"]),
        ("gabe", ["gabriel"]),
        ("manny", ["manuel", "emmanuel"]),
        ("lenny", ["leonard"]),
        ("leo", ["leonard", "leonardo"]),
        ("theo", ["theodore"]),
        ("ollie", ["oliver"]),
        ("harry", ["harold", "henry"]),
        ("hank", ["henry"]),
        ("jack", ["john", "jackson"]),
        ("raj", ["rajeev", "rajesh"]),
        ("ilya", ["ilia"]),
        ("luke", ["lukas", "lucas", "lukasz", "luca", "lucas"]),
        ("lucas", ["lukas", "lukasz"]),
        ("piotr", ["peter", "pete"]),
        ("pawel", ["paul", "pavel"]),
        ("krzysztof", ["christopher", "chris"]),
        ("michal", ["michael"]),
        ("jakub", ["jacob", "jakob"]),
    ];

    private static readonly Dictionary<string, string[]> Forms = BuildForms();

    /// <summary>Other forms of a folded given-name token (not including the token itself).</summary>
    public static IReadOnlyList<string> OtherForms(string token) =>
        Forms.TryGetValue(token, out var forms) ? forms : [];

    private static Dictionary<string, string[]> BuildForms()
    {
        var forms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Link(string a, string b)
        {
            if (a == b)
                return;
            if (!forms.TryGetValue(a, out var set))
                forms[a] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(b);
        }
        foreach (var (shortForm, fullForms) in Table)
        {
            foreach (var full in fullForms)
            {
                Link(shortForm, full);
                Link(full, shortForm);
            }
        }
        return forms.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
