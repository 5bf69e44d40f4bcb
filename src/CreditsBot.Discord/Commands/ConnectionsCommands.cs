namespace CreditsBot.Discord.Commands;

/// <summary><c>/credits with name:</c>: the people who share the most sections with a person.</summary>
public sealed record WithCommand(string Name, bool? Private = null) : CreditsCommand(Private);

/// <summary><c>/credits compare a: b:</c>: what two people did together and apart, and how they are linked.</summary>
public sealed record CompareCommand(string A, string B, bool? Private = null) : CreditsCommand(Private);
