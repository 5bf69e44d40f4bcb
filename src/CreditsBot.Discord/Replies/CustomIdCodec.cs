namespace CreditsBot.Discord.Replies;

/// <summary>What a button asks for.</summary>
public enum CustomIdKind
{
    /// <summary>A person by search key (<c>PersonHit.Key</c>).</summary>
    PersonKey,
    /// <summary>A section by search key (<c>SectionHit.Key</c>).</summary>
    SectionKey,
    /// <summary>A role search by query text.</summary>
    RoleQuery,
    /// <summary>A person lookup by free text (a "did you mean" suggestion).</summary>
    PersonQuery,
    /// <summary>A section lookup by free text.</summary>
    SectionQuery,
    /// <summary>The collaborators of a person by search key (or by name, for a "did you mean").</summary>
    WithKey,
    /// <summary>Two people compared: their two keys (or names), joined by <see cref="CustomIdCodec.PairSeparator"/>.</summary>
    ComparePair,
}

/// <summary>A button's target: the lookup and its argument. With a page, it is all a click needs.</summary>
public sealed record CustomIdTarget(CustomIdKind Kind, string Argument);

/// <summary>
/// Encodes button state in the custom id as <c>cr|kind|argument|page</c> (≤ 100 characters), so a click is
/// answered from the id alone, after a restart or on another replica. The page is read after the last '|', so the
/// argument may hold '|' itself.
/// </summary>
public static class CustomIdCodec
{
    private const string Prefix = "cr|";

    /// <summary>Between the two people of a <see cref="CustomIdKind.ComparePair"/>.</summary>
    public const char PairSeparator = '|';

    /// <summary>The target of two people, or null when a key holds the separator itself (it could not be split back).</summary>
    public static CustomIdTarget? Pair(string a, string b) =>
        a.Contains(PairSeparator) || b.Contains(PairSeparator) ? null : new(CustomIdKind.ComparePair, a + PairSeparator + b);

    /// <summary>The two people of a <see cref="CustomIdKind.ComparePair"/> argument, or false when it is not two.</summary>
    public static bool TrySplitPair(string argument, out string a, out string b)
    {
        var parts = argument.Split(PairSeparator);
        (a, b) = parts.Length == 2 ? (parts[0], parts[1]) : ("", "");
        return parts.Length == 2 && a.Length > 0 && b.Length > 0;
    }

    private static string Letter(CustomIdKind kind) => kind switch
    {
        CustomIdKind.PersonKey => "p",
        CustomIdKind.SectionKey => "s",
        CustomIdKind.RoleQuery => "r",
        CustomIdKind.PersonQuery => "q",
        CustomIdKind.SectionQuery => "t",
        CustomIdKind.WithKey => "w",
        CustomIdKind.ComparePair => "c",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The custom id, or null when a key would not fit (a cut key would name something else).
    /// Free-text queries are cut to fit instead, since a shorter query still answers sensibly.
    /// </summary>
    public static string? Encode(CustomIdTarget target, int page)
    {
        var head = $"{Prefix}{Letter(target.Kind)}|";
        var tail = $"|{page}";
        var room = DiscordLimits.CustomId - head.Length - tail.Length;
        var argument = target.Argument;
        if (argument.Length > room)
        {
            if (target.Kind is CustomIdKind.PersonKey or CustomIdKind.SectionKey or CustomIdKind.WithKey or CustomIdKind.ComparePair)
                return null;
            var cut = room;
            if (cut > 0 && char.IsHighSurrogate(argument[cut - 1]))
                cut--;
            argument = argument[..cut];
        }
        return argument.Length == 0 ? null : head + argument + tail;
    }

    public static bool TryDecode(string? customId, out CustomIdTarget target, out int page)
    {
        target = null!;
        page = 0;
        if (customId is null || customId.Length > DiscordLimits.CustomId || !customId.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var lastBar = customId.LastIndexOf('|');
        if (customId.Length < Prefix.Length + 2 || customId[Prefix.Length + 1] != '|' || lastBar <= Prefix.Length + 2)
            return false;
        var argument = customId[(Prefix.Length + 2)..lastBar];
        CustomIdKind? kind = customId[Prefix.Length] switch
        {
            'p' => CustomIdKind.PersonKey,
            's' => CustomIdKind.SectionKey,
            'r' => CustomIdKind.RoleQuery,
            'q' => CustomIdKind.PersonQuery,
            't' => CustomIdKind.SectionQuery,
            'w' => CustomIdKind.WithKey,
            'c' => CustomIdKind.ComparePair,
            _ => null,
        };
        if (kind is null || argument.Length == 0
            || !int.TryParse(customId.AsSpan(lastBar + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page)
            || page > 10_000)
            return false;
        target = new CustomIdTarget(kind.Value, argument);
        return true;
    }
}
