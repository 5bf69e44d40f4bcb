namespace CreditsBot.Discord.Commands;

/// <summary>A parsed command with typed options. <see cref="Private"/> is the <c>private</c> option: null when not given.</summary>
public abstract record CreditsCommand(bool? Private);

public sealed record PersonCommand(string Name, bool? Private = null) : CreditsCommand(Private);

public sealed record SectionCommand(string Name, string? Document = null, bool? Private = null) : CreditsCommand(Private);

public sealed record RoleCommand(string Query, bool? Private = null) : CreditsCommand(Private);

public sealed record AboutCommand(bool? Private = null) : CreditsCommand(Private);

/// <summary>The message command "Look up credits": the people named in a message's text. Private unless posted.</summary>
public sealed record MentionsCommand(string Text) : CreditsCommand(Private: null);

/// <summary>What an autocomplete request is typing into.</summary>
public sealed record AutocompleteRequest(string Subcommand, string Option, string Text, string? Document);
