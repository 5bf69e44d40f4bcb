using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Commands;

/// <summary>A document offered as a choice of <c>/credits section document:</c>.</summary>
public sealed record DocumentChoice(string Id, string Title);

/// <summary>
/// The slash commands, declared once. Registration sends exactly this; the parser reads the same names, so the
/// two cannot drift apart.
/// </summary>
public static class CreditsCommandDefinitions
{
    public const string Root = "credits";
    public const string Person = "person";
    public const string Section = "section";
    public const string Role = "role";
    public const string About = "about";
    public const string With = "with";
    public const string Compare = "compare";
    public const string NameOption = "name";
    public const string QueryOption = "query";
    public const string DocumentOption = "document";
    public const string PrivateOption = "private";
    public const string FirstPersonOption = "a";
    public const string SecondPersonOption = "b";

    /// <summary>Max length of the text options: names and roles are short, and it caps hostile input at the client.</summary>
    public const int MaxTextLength = 100;

    /// <param name="documents">The documents to offer as <c>document</c> choices (at most 25, in this order); none leaves the option free text.</param>
    public static List<ApplicationCommand> Build(IReadOnlyList<DocumentChoice>? documents = null)
    {
        var documentOption = new ApplicationCommandOption
        {
            Type = ApplicationCommandOptionType.String,
            Name = DocumentOption,
            Description = "Only this credits page",
            MaxLength = MaxTextLength,
        };
        if (documents is { Count: > 0 })
        {
            documentOption.Choices = documents.Take(25)
                .Select(d => new CommandOptionChoice
                {
                    Name = Replies.Markdown.Clip(string.IsNullOrWhiteSpace(d.Title) ? d.Id : d.Title, 100),
                    Value = d.Id,
                })
                .ToList();
        }

        return
        [
            new ApplicationCommand
            {
                Name = Root,
                Type = 1,
                Description = "Who did what, from the credits pages",
                IntegrationTypes = [0],
                Contexts = [0, 1],
                Options =
                [
                    Subcommand(Person, "A person's credits",
                        Text(NameOption, "The person's name", autocomplete: true), PrivateFlag()),
                    Subcommand(Section, "Everyone in a section, in page order",
                        Text(NameOption, "The section's name", autocomplete: true), documentOption, PrivateFlag()),
                    Subcommand(Role, "Who held a role",
                        Text(QueryOption, "Words of the role, e.g. \"triton lead\"", autocomplete: false), PrivateFlag()),
                    Subcommand(With, "Who shares the most credits with a person",
                        Text(NameOption, "The person's name", autocomplete: true), PrivateFlag()),
                    Subcommand(Compare, "What two people did together and apart, and how they are linked",
                        Text(FirstPersonOption, "The first person's name", autocomplete: true),
                        Text(SecondPersonOption, "The second person's name", autocomplete: true), PrivateFlag()),
                    Subcommand(About, "What is indexed", PrivateFlag()),
                ],
            },
        ];
    }

    private static ApplicationCommandOption Subcommand(string name, string description, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = [.. options],
    };

    private static ApplicationCommandOption Text(string name, string description, bool autocomplete) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = true,
        MinLength = 1,
        MaxLength = MaxTextLength,
        Autocomplete = autocomplete ? true : null,
    };

    private static ApplicationCommandOption PrivateFlag() => new()
    {
        Type = ApplicationCommandOptionType.Boolean,
        Name = PrivateOption,
        Description = "Only you see the answer",
    };
}
