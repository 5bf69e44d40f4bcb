namespace CreditsBot.Core.Model;

/// <summary>One person as the page credits them, with the role the page gives, if any.</summary>
/// <param name="Person">The name as written on the page after encoding repair (spelling kept).</param>
/// <param name="Role">The role text, or null for plain list entries.</param>
public sealed record Credit(string Person, string? Role);
