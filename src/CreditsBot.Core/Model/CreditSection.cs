namespace CreditsBot.Core.Model;

/// <summary>A titled list of credits inside an area, such as "Core contributors" or "Data".</summary>
public sealed record CreditSection(string Title, IReadOnlyList<Credit> Credits);
