namespace CreditsBot.Core.Search.Evaluation;

/// <summary>
/// The general knowledge the generated evaluation draws on, in one place (docs/search.md lists it):
/// how people shorten the words of team and role names, well-known people of the field who are not
/// credited on any page, and plain words that name no one.
/// </summary>
public static class EvalVocabulary
{
    /// <summary>Whole words or phrases (folded) and the short forms people type for them.</summary>
    public static readonly (string Full, string[] Short)[] Abbreviations =
    [
        ("management", ["mgmt", "mgt"]),
        ("product management", ["pm"]),
        ("product manager", ["pm"]),
        ("manager", ["mgr"]),
        ("engineering", ["eng", "engg"]),
        ("engineer", ["eng"]),
        ("operations", ["ops"]),
        ("evaluation", ["eval"]),
        ("evaluations", ["evals"]),
        ("infrastructure", ["infra"]),
        ("economic", ["econ"]),
        ("systems", ["sys"]),
        ("system", ["sys"]),
        ("performance", ["perf"]),
        ("architecture", ["arch"]),
        ("security", ["sec"]),
        ("communications", ["comms"]),
        ("deployment", ["deploy"]),
        ("optimization", ["opt", "optim"]),
        ("context", ["ctx"]),
        ("development", ["dev"]),
        ("distributed", ["dist"]),
        ("administration", ["admin"]),
        ("documentation", ["docs"]),
        ("international", ["intl"]),
        ("hardware", ["hw"]),
        ("software", ["sw"]),
        ("reinforcement learning", ["rl"]),
        ("information", ["info"]),
        ("and", ["&"]),
        ("&", ["and"]),
    ];

    /// <summary>People well known in the field or outside it; any of them who is credited on a page is left out.</summary>
    public static readonly string[] WellKnownPeople =
    [
        "Jeff Dean", "Geoffrey Hinton", "Yann LeCun", "Yoshua Bengio", "Andrew Ng", "Demis Hassabis", "Fei-Fei Li",
        "Elon Musk", "Satya Nadella", "Sundar Pichai", "Dario Amodei", "Ian Goodfellow", "Oriol Vinyals",
        "Noam Shazeer", "Ashish Vaswani", "Jürgen Schmidhuber", "Stuart Russell", "Peter Norvig", "Judea Pearl",
        "Richard Sutton", "David Silver", "Shane Legg", "Mustafa Suleyman", "Kai-Fu Lee", "Timnit Gebru",
        "Margaret Mitchell", "Chris Olah", "Jan Koutník", "Sebastian Thrun", "Daphne Koller", "Michael Jordan",
        "Terry Tao", "Grace Hopper", "Alan Turing", "Ada Lovelace", "Linus Torvalds", "Bill Gates", "Steve Jobs",
        "Tim Berners-Lee", "Donald Knuth", "Barbara Liskov", "Ken Thompson", "Dennis Ritchie", "Guido van Rossum",
        "Bjarne Stroustrup", "Anders Hejlsberg", "Marie Curie", "Albert Einstein", "Ada Yonath", "Jensen Huang",
        "Lisa Su", "Mark Zuckerberg", "Jeff Bezos", "Larry Page", "Sergey Brin", "Reid Hoffman", "Emad Mostaque",
        "Arthur Mensch", "Aidan Gomez", "Percy Liang", "Christopher Manning", "Pieter Abbeel", "Chelsea Finn",
        "Sam Bowman", "Jack Clark", "Paul Christiano", "Eliezer Yudkowsky", "Nick Bostrom", "Max Tegmark",
        "Yejin Choi", "Kyunghyun Cho", "Quoc Le", "Jeffrey Dean", "Lex Fridman", "Hanna Wallach", "Kate Crawford",
    ];

    /// <summary>Plain English words that are nobody's name (any that is a name word on a page is left out).</summary>
    public static readonly string[] PlainWords =
    [
        "banana", "window", "purple", "elephant", "quantum", "toaster", "mountain", "river", "pizza", "keyboard",
        "weather", "garden", "pencil", "yellow", "blanket", "orange", "thunder", "coffee", "bicycle", "planet",
        "silver", "forest", "candle", "rocket", "marble", "violin", "castle", "dragon", "tiger", "lemon",
        "hello", "thanks", "nothing", "random", "test", "asdf", "qwerty", "lorem", "ipsum", "foo", "bar", "baz",
        "sandwich", "umbrella", "penguin", "giraffe", "cactus", "volcano", "harbor", "meadow", "glacier", "pepper",
    ];

    /// <summary>Team and role topics no credits page here has (any that is a word on a page is left out).</summary>
    public static readonly string[] AbsentTopics =
    [
        "marketing", "robotics", "recruiting", "sales", "catering", "facilities", "accounting", "payroll",
        "photography", "gardening", "astronomy", "chemistry", "plumbing", "tax", "audio", "music", "sports",
        "translation", "hiring", "cooking", "travel", "furniture", "biology", "geology", "weather", "transport",
    ];

    /// <summary>Text with no letters or digits: nobody can be meant.</summary>
    public static readonly string[] SymbolsOnly =
    [
        "!!!", "???", "...", "@", "@@", "#", "—", "-", "***", "🙂", "🙂🙂", "👍", "🔥🔥🔥", "()", "[]", "~", "%$#", "++", "//", "⭐",
    ];
}
