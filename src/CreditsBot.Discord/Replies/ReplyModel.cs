namespace CreditsBot.Discord.Replies;

/// <summary>
/// What a command answers, before any Discord JSON: an embed's parts, buttons and flags. Text here is already
/// markdown (user and page text escaped by the handler); <see cref="ReplyBuilder"/> enforces Discord's limits.
/// </summary>
public sealed record ReplyModel
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<ReplyField> Fields { get; init; } = [];
    public string? Footer { get; init; }
    public int? Color { get; init; }

    /// <summary>Plain message text outside the embed (used for short errors).</summary>
    public string? Content { get; init; }

    /// <summary>Previous/Next buttons, when the answer has more than one page.</summary>
    public PageNavigation? Pages { get; init; }

    /// <summary>A string select ("did you mean", other matches, the people found): choosing one answers for it.</summary>
    public ReplyPick? Pick { get; init; }

    /// <summary>Buttons whose whole state is their custom id ("Post in channel").</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];

    /// <summary>Link buttons (e.g. the document's page).</summary>
    public IReadOnlyList<ReplyLink> Links { get; init; } = [];

    /// <summary>Only the invoker sees it (ignored on updates: a message keeps the flag it was created with).</summary>
    public bool Ephemeral { get; init; }
}

public sealed record ReplyField(string Name, string Value, bool Inline = false);

/// <summary>A button whose whole state is its custom id.</summary>
public sealed record ReplyButton(string Label, string CustomId);

public sealed record ReplyLink(string Label, string Url);

/// <summary>A string select: a placeholder and its options, each option's value a custom id.</summary>
public sealed record ReplyPick(string Placeholder, IReadOnlyList<ReplyChoice> Choices);

public sealed record ReplyChoice(string Label, string Value, string? Description = null);

/// <summary>Where the reader is among the pages; <see cref="Target"/> rebuilds any page from the custom id alone.</summary>
public sealed record PageNavigation(int Current, int Count, CustomIdTarget Target);
