namespace CreditsBot.Core.Import;

/// <summary>What a page parser reads, in page order; <see cref="PageAssembler"/> turns the events into areas and sections.</summary>
public abstract record PageEvent(int Line);

/// <summary>A heading known to open an area (followed at once by a section heading, or a lead block).</summary>
public sealed record AreaHeading(string Title, int Line) : PageEvent(Line);

/// <summary>A heading of unknown level: a section, unless the page's metadata names it as an area.</summary>
public sealed record Heading(string Title, int Line) : PageEvent(Line);

/// <summary>The start of a list that lost its heading (its title may come from the page's metadata).</summary>
public sealed record UntitledList(int Line) : PageEvent(Line);

/// <summary>A list of names found in an acknowledgement paragraph, after a colon.</summary>
public sealed record AcknowledgementList(string Lead, int Line) : PageEvent(Line);

public sealed record CreditRead(string Person, string? Role, int Line) : PageEvent(Line);
