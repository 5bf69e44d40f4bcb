namespace CreditsBot.Core.Model;

/// <summary>A top-level part of a credits page, such as "Pretraining" or "Deployment".</summary>
public sealed record CreditArea(string Title, IReadOnlyList<CreditSection> Sections);
