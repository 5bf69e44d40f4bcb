using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CreditsBot.Discord.Replies;

/// <summary>What a button or a select option asks for.</summary>
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
    /// <summary>What is indexed (<c>/credits about</c>); the argument is only a placeholder.</summary>
    About,
    /// <summary>The people found in a message, as a list of <see cref="KeyReference"/>s.</summary>
    Mentions,
    /// <summary>The collaborators of a person by search key (or by name, for a "did you mean").</summary>
    WithKey,
    /// <summary>Two people compared: their two keys (or names), joined by <see cref="CustomIdCodec.PairSeparator"/>.</summary>
    ComparePair,
}

/// <summary>
/// A button's target: the lookup and its argument. When <see cref="Digest"/> is set, <see cref="Argument"/> is only
/// the start of a key that did not fit, and the digest picks the key among the hits of a lookup of that start.
/// </summary>
public sealed record CustomIdTarget(CustomIdKind Kind, string Argument, string? Digest = null);

/// <summary>A decoded custom id: the target, the page asked for, and whether to post it in the channel.</summary>
public sealed record CustomIdAction(CustomIdTarget Target, int Page, bool Post);

/// <summary>A key as it travels in a custom id: whole when it fits, else a digest of it and its start.</summary>
public sealed record KeyReference(string Text, string? Digest)
{
    /// <summary>Whether <paramref name="key"/> is the key this reference stands for (as far as its text and digest tell).</summary>
    public bool Matches(string key) => Digest is null
        ? string.Equals(CustomIdCodec.Clean(key), Text, StringComparison.Ordinal)
        : CustomIdCodec.Clean(key) is var clean && clean.StartsWith(Text, StringComparison.Ordinal)
          && CustomIdCodec.DigestOf(clean, Digest.Length) == Digest;
}

/// <summary>
/// Encodes all a click needs in the custom id as <c>cr|kind|argument|page</c> (<c>cp|…</c> posts the answer in the
/// channel), ≤ 100 characters, so a click is answered from the id alone, after a restart or on another replica.
/// The page is read after the last '|', so the argument may hold '|' itself. Every key fits: one longer than the
/// room becomes its start plus a digest (kinds P and S), resolved by a lookup of the start.
/// </summary>
public static class CustomIdCodec
{
    private const string ViewPrefix = "cr|";
    private const string PostPrefix = "cp|";
    /// <summary>The custom id of a message's one string select; the chosen option's value is a full custom id.</summary>
    public const string SelectId = "cr|pick";
    private const int KeyDigestLength = 6;
    private const int MentionDigestLength = 2;
    private const char ReferenceSeparator = ';';
    private const string DigestAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Between the two people of a <see cref="CustomIdKind.ComparePair"/>.</summary>
    public const char PairSeparator = '|';

    /// <summary>Room for a pair's argument in a custom id ("cr|c|" before it, "|" and a page of up to 4 digits after).</summary>
    private const int PairRoom = DiscordLimits.CustomId - 5 - 5;

    /// <summary>The target of two people, or null when it would not fit whole or a key holds the separator (a cut pair names someone else).</summary>
    public static CustomIdTarget? Pair(string a, string b) =>
        a.Contains(PairSeparator) || b.Contains(PairSeparator) || a.Length + b.Length + 1 > PairRoom ? null : new(CustomIdKind.ComparePair, a + PairSeparator + b);

    /// <summary>The two people of a <see cref="CustomIdKind.ComparePair"/> argument, or false when it is not two.</summary>
    public static bool TrySplitPair(string argument, out string a, out string b)
    {
        var parts = argument.Split(PairSeparator);
        (a, b) = parts.Length == 2 ? (parts[0], parts[1]) : ("", "");
        return parts.Length == 2 && a.Length > 0 && b.Length > 0;
    }

    private static string Letter(CustomIdTarget target) => target.Kind switch
    {
        CustomIdKind.PersonKey => target.Digest is null ? "p" : "P",
        CustomIdKind.SectionKey => target.Digest is null ? "s" : "S",
        CustomIdKind.RoleQuery => "r",
        CustomIdKind.PersonQuery => "q",
        CustomIdKind.SectionQuery => "t",
        CustomIdKind.Mentions => "m",
        CustomIdKind.About => "a",
        CustomIdKind.WithKey => "w",
        CustomIdKind.ComparePair => "c",
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>
    /// The custom id of a page of <paramref name="target"/>, or null when there is nothing to encode. A key that does
    /// not fit is referenced by digest; free-text queries are cut to fit, since a shorter query still answers sensibly.
    /// </summary>
    public static string? Encode(CustomIdTarget target, int page, bool post = false)
    {
        var (head, tail) = (HeadOf(post, Letter(target)), $"|{page.ToString(CultureInfo.InvariantCulture)}");
        var room = DiscordLimits.CustomId - head.Length - tail.Length;
        if (target.Kind is CustomIdKind.PersonKey or CustomIdKind.SectionKey && target.Digest is null && target.Argument.Length > room)
            return Encode(target with { Argument = Cut(target.Argument, room - KeyDigestLength), Digest = DigestOf(Clean(target.Argument), KeyDigestLength) }, page, post);
        var argument = target.Digest + Cut(target.Argument, room - (target.Digest?.Length ?? 0));
        return argument.Length == 0 ? null : head + argument + tail;
    }

    /// <summary>
    /// The <see cref="CustomIdKind.Mentions"/> target of as many of <paramref name="keys"/> (in order) as fit one
    /// custom id with a useful start each; the count says how many made it.
    /// </summary>
    public static (CustomIdTarget Target, int Count) MentionsTarget(IReadOnlyList<string> keys)
    {
        const int minimumStart = 4;
        var room = DiscordLimits.CustomId - HeadOf(post: true, "m").Length - "|99".Length;
        for (var count = keys.Count; count > 0; count--)
        {
            var each = (room - (count - 1)) / count;
            var chosen = keys.Take(count).Select(Clean).ToList();
            if (each < MentionDigestLength + minimumStart && chosen.Any(k => k.Length + 1 > each))
                continue;
            // A whole key is marked by a leading '=' so that it is never read as a digest.
            var references = chosen.Select(k => k.Length + 1 <= each ? "=" + k : DigestOf(k, MentionDigestLength) + Cut(k, each - MentionDigestLength));
            return (new CustomIdTarget(CustomIdKind.Mentions, string.Join(ReferenceSeparator, references)), count);
        }
        return (new CustomIdTarget(CustomIdKind.Mentions, ""), 0);
    }

    /// <summary>A key as it can stand in a list of references (the separator cannot occur in it).</summary>
    public static string Clean(string key) => key.Replace(ReferenceSeparator, ' ');

    /// <summary>The references of a <see cref="CustomIdKind.Mentions"/> argument.</summary>
    public static IReadOnlyList<KeyReference> MentionReferences(string argument) =>
        argument.Split(ReferenceSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r[0] == '=' || r.Length <= MentionDigestLength
                ? new KeyReference(r[0] == '=' ? r[1..] : r, null)
                : new KeyReference(r[MentionDigestLength..], r[..MentionDigestLength]))
            .Where(r => r.Text.Length > 0)
            .ToList();

    public static bool TryDecode(string? customId, out CustomIdAction action)
    {
        action = null!;
        if (customId is null || customId.Length > DiscordLimits.CustomId)
            return false;
        var post = customId.StartsWith(PostPrefix, StringComparison.Ordinal);
        if (!post && !customId.StartsWith(ViewPrefix, StringComparison.Ordinal))
            return false;
        var lastBar = customId.LastIndexOf('|');
        var start = ViewPrefix.Length + 2;
        if (customId.Length < start || customId[start - 1] != '|' || lastBar <= start)
            return false;
        var argument = customId[start..lastBar];
        if (!int.TryParse(customId.AsSpan(lastBar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page > 10_000)
            return false;
        var target = TargetOf(customId[ViewPrefix.Length], argument);
        if (target is null || target.Argument.Length == 0)
            return false;
        action = new CustomIdAction(target, page, post);
        return true;
    }

    private static CustomIdTarget? TargetOf(char letter, string argument) => letter switch
    {
        'p' => new CustomIdTarget(CustomIdKind.PersonKey, argument),
        's' => new CustomIdTarget(CustomIdKind.SectionKey, argument),
        'P' when argument.Length > KeyDigestLength => new CustomIdTarget(CustomIdKind.PersonKey, argument[KeyDigestLength..], argument[..KeyDigestLength]),
        'S' when argument.Length > KeyDigestLength => new CustomIdTarget(CustomIdKind.SectionKey, argument[KeyDigestLength..], argument[..KeyDigestLength]),
        'r' => new CustomIdTarget(CustomIdKind.RoleQuery, argument),
        'q' => new CustomIdTarget(CustomIdKind.PersonQuery, argument),
        't' => new CustomIdTarget(CustomIdKind.SectionQuery, argument),
        'm' => new CustomIdTarget(CustomIdKind.Mentions, argument),
        'a' => new CustomIdTarget(CustomIdKind.About, argument),
        'w' => new CustomIdTarget(CustomIdKind.WithKey, argument),
        'c' => new CustomIdTarget(CustomIdKind.ComparePair, argument),
        _ => null,
    };

    /// <summary>The first <paramref name="length"/> characters of a base-32 SHA-256 of the key: stable across processes.</summary>
    public static string DigestOf(string key, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var digest = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            digest.Append(DigestAlphabet[hash[i] % DigestAlphabet.Length]);
        return digest.ToString();
    }

    private static string HeadOf(bool post, string letter) => $"{(post ? PostPrefix : ViewPrefix)}{letter}|";

    private static string Cut(string text, int room)
    {
        if (room <= 0)
            return "";
        if (text.Length <= room)
            return text;
        var cut = room;
        if (char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return text[..cut];
    }
}
