namespace CreditsBot.Core.Model;

/// <summary>A credit together with where it stands: document, area, section and page order.</summary>
public sealed record CreditEntry(
    CreditsDocument Document,
    CreditArea Area,
    CreditSection Section,
    Credit Credit,
    int Order)
{
    public string Person => Credit.Person;
    public string? Role => Credit.Role;
}
