namespace CreditsBot.Discord.Commands;

/// <summary>A parsed <c>/credits</c> invocation with typed options. <see cref="Private"/> asks for an ephemeral reply.</summary>
public abstract record CreditsCommand(bool Private);

public sealed record PersonCommand(string Name, bool Private = false) : CreditsCommand(Private);

public sealed record SectionCommand(string Name, string? Document = null, bool Private = false) : CreditsCommand(Private);

public sealed record RoleCommand(string Query, bool Private = false) : CreditsCommand(Private);

public sealed record AboutCommand(bool Private = false) : CreditsCommand(Private);

/// <summary>What an autocomplete request is typing into.</summary>
public sealed record AutocompleteRequest(string Subcommand, string Option, string Text, string? Document);
