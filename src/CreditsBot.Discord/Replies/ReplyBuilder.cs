using CreditsBot.Core.Search;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Replies;

/// <summary>
/// The one place reply models become Discord messages. Every message it makes carries
/// <c>allowed_mentions: {"parse": []}</c>, and every Discord limit is enforced here, after escaping.
/// </summary>
public static class ReplyBuilder
{
    public const int DefaultColor = 0x5865F2;
    private const string EmptyValue = "\u200B";

    /// <summary>A new message answering a command (callback type 4).</summary>
    public static InteractionResponse Reply(ReplyModel model) =>
        new() { Type = InteractionCallbackType.ChannelMessageWithSource, Data = Message(model, withFlags: true) };

    /// <summary>Replaces the message whose button was clicked (callback type 7); its ephemeral flag cannot change.</summary>
    public static InteractionResponse Update(ReplyModel model) =>
        new() { Type = InteractionCallbackType.UpdateMessage, Data = Message(model, withFlags: false) };

    /// <summary>A follow-up message (POST /webhooks/{app}/{token}): public unless the model is ephemeral.</summary>
    public static MessagePayload FollowUp(ReplyModel model) => Message(model, withFlags: true);

    /// <summary>The body of PATCH …/messages/@original after a deferral (flags cannot change on an edit).</summary>
    public static MessagePayload EditOriginal(ReplyModel model) => Message(model, withFlags: false);

    /// <summary>A short message only the invoker sees.</summary>
    public static InteractionResponse Error(string text) =>
        Reply(new ReplyModel { Content = text, Ephemeral = true });

    public static InteractionResponse Pong() => new() { Type = InteractionCallbackType.Pong };

    /// <summary>"Thinking…" now, the answer later through PATCH @original (type 5; only the ephemeral flag is allowed).</summary>
    public static InteractionResponse DeferredReply(bool ephemeral) => new()
    {
        Type = InteractionCallbackType.DeferredChannelMessageWithSource,
        Data = ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral } : null,
    };

    /// <summary>Acknowledges a click; the clicked message is edited later through PATCH @original (type 6).</summary>
    public static InteractionResponse DeferredUpdate() => new() { Type = InteractionCallbackType.DeferredUpdateMessage };

    /// <summary>Autocomplete choices (type 8): at most 25; names cut to 100; a value over 100 is dropped, since a cut value names nothing.</summary>
    public static InteractionResponse Autocomplete(IEnumerable<AutocompleteChoice> choices)
    {
        var list = new List<CommandOptionChoice>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            if (list.Count == DiscordLimits.AutocompleteChoices)
                break;
            var name = Markdown.Clip(StripControl(choice.Name).Trim(), DiscordLimits.ChoiceName);
            if (name.Length == 0 || choice.Value.Length is 0 or > DiscordLimits.ChoiceValue || !seen.Add(choice.Value))
                continue;
            list.Add(new CommandOptionChoice { Name = name, Value = choice.Value });
        }
        return new InteractionResponse
        {
            Type = InteractionCallbackType.ApplicationCommandAutocompleteResult,
            Data = new AutocompletePayload { Choices = list },
        };
    }

    private static MessagePayload Message(ReplyModel model, bool withFlags)
    {
        var payload = new MessagePayload
        {
            AllowedMentions = new AllowedMentions(),
            Flags = withFlags && model.Ephemeral ? MessageFlags.Ephemeral : null,
        };
        if (!string.IsNullOrWhiteSpace(model.Content))
            payload.Content = Markdown.Truncate(model.Content.Trim(), DiscordLimits.Content);

        var embed = BuildEmbed(model);
        // An update or edit must clear what the old message had, so it always says what it wants.
        payload.Embeds = embed is null ? [] : [embed];
        payload.Components = BuildComponents(model);
        if (payload.Content is null && embed is null)
            payload.Content = ReplyText.Get("NothingToShow");
        if (!withFlags)
            payload.Content ??= ""; // clears old content on an update
        return payload;
    }

    private static Embed? BuildEmbed(ReplyModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Title) && string.IsNullOrWhiteSpace(model.Description) && model.Fields.Count == 0)
            return null;

        var embed = new Embed
        {
            Title = Limit(model.Title, DiscordLimits.EmbedTitle),
            Description = Limit(model.Description, DiscordLimits.EmbedDescription),
            Color = model.Color ?? DefaultColor,
        };
        var fields = new List<EmbedField>();
        foreach (var field in model.Fields.Take(DiscordLimits.EmbedFields))
        {
            fields.Add(new EmbedField
            {
                Name = Limit(field.Name, DiscordLimits.FieldName) ?? EmptyValue,
                Value = Limit(field.Value, DiscordLimits.FieldValue) ?? EmptyValue,
                Inline = field.Inline ? true : null,
            });
        }
        var footer = Limit(model.Footer, DiscordLimits.FooterText);
        var dropped = model.Fields.Count - fields.Count;

        // The 6,000-character total: drop trailing fields first, then shorten the description.
        while (Total(embed, fields, footer, dropped) > DiscordLimits.EmbedTotal && fields.Count > 0)
        {
            fields.RemoveAt(fields.Count - 1);
            dropped++;
        }
        var over = Total(embed, fields, footer, dropped) - DiscordLimits.EmbedTotal;
        if (over > 0 && embed.Description is not null)
            embed.Description = Limit(Markdown.Truncate(embed.Description, Math.Max(1, embed.Description.Length - over)), DiscordLimits.EmbedDescription);

        embed.Fields = fields.Count > 0 ? fields : null;
        var footerText = FooterWithDropped(footer, dropped);
        embed.Footer = footerText is null ? null : new EmbedFooter { Text = Markdown.Truncate(footerText, DiscordLimits.FooterText) };
        return embed;
    }

    private static string? FooterWithDropped(string? footer, int dropped) =>
        dropped <= 0 ? footer : (footer is null ? "" : footer + " · ") + ReplyText.Get("MoreNotShown", dropped);

    private static int Total(Embed embed, List<EmbedField> fields, string? footer, int dropped) =>
        (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0)
        + fields.Sum(f => f.Name.Length + f.Value.Length)
        + (FooterWithDropped(footer, dropped)?.Length ?? 0);

    private static List<MessageComponent> BuildComponents(ReplyModel model)
    {
        var rows = new List<List<MessageComponent>>();
        if (model.Pages is { Count: > 1 } pages)
        {
            var current = Math.Clamp(pages.Current, 0, pages.Count - 1);
            var previous = CustomIdCodec.Encode(pages.Target, current == 0 ? 0 : current - 1);
            var next = CustomIdCodec.Encode(pages.Target, current == pages.Count - 1 ? current : current + 1);
            // A disabled button points at the current page so that the two ids differ.
            if (previous is not null && next is not null && previous != next)
            {
                rows.Add(
                [
                    Button(ReplyText.Get("Previous"), previous, current == 0),
                    Button(ReplyText.Get("Next"), next, current == pages.Count - 1),
                ]);
            }
        }

        if (Select(model.Pick) is { } select)
            rows.Add([select]);

        var seen = new HashSet<string>(rows.SelectMany(r => r).Select(b => b.CustomId!), StringComparer.Ordinal);
        var buttons = model.Buttons
            .Where(b => b.CustomId.Length is > 0 and <= DiscordLimits.CustomId && seen.Add(b.CustomId))
            .Select(b => Button(b.Label, b.CustomId, disabled: false));
        rows.AddRange(buttons.Chunk(DiscordLimits.ButtonsPerRow).Select(c => c.ToList()));

        var links = model.Links
            .Where(l => IsWebUrl(l.Url))
            .DistinctBy(l => l.Url, StringComparer.Ordinal)
            .Select(l => new MessageComponent
            {
                Type = ComponentType.Button,
                Style = ButtonStyle.Link,
                Label = Label(l.Label),
                Url = l.Url,
            });
        rows.AddRange(links.Chunk(DiscordLimits.ButtonsPerRow).Select(c => c.ToList()));

        return rows.Take(DiscordLimits.ActionRows)
            .Select(r => new MessageComponent { Type = ComponentType.ActionRow, Components = r })
            .ToList();
    }

    /// <summary>The one string select of a message: 1–25 options with distinct values ≤ 100 (a cut value names nothing).</summary>
    private static MessageComponent? Select(ReplyPick? pick)
    {
        if (pick is null)
            return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var options = new List<SelectOption>();
        foreach (var choice in pick.Choices)
        {
            if (options.Count == DiscordLimits.SelectOptions)
                break;
            if (choice.Value.Length is 0 or > DiscordLimits.SelectOptionText || !seen.Add(choice.Value))
                continue;
            var description = StripControl(choice.Description ?? "").Trim();
            options.Add(new SelectOption
            {
                Label = Plain(choice.Label, DiscordLimits.SelectOptionText),
                Value = choice.Value,
                Description = description.Length == 0 ? null : Markdown.Clip(description, DiscordLimits.SelectOptionText),
            });
        }
        return options.Count == 0 ? null : new MessageComponent
        {
            Type = ComponentType.StringSelect,
            CustomId = CustomIdCodec.SelectId,
            Placeholder = Plain(pick.Placeholder, DiscordLimits.SelectPlaceholder),
            Options = options,
        };
    }

    // Discord accepts only http(s) links; anything with spaces or control characters is not a URL we made.
    private static bool IsWebUrl(string url) =>
        url.Length <= DiscordLimits.ButtonUrl
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && url.Length > "https://".Length
        && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private static MessageComponent Button(string label, string customId, bool disabled) => new()
    {
        Type = ComponentType.Button,
        Style = ButtonStyle.Secondary,
        Label = Label(label),
        CustomId = customId,
        Disabled = disabled ? true : null,
    };

    // Labels are plain text (no markdown), but must be 1–80 characters.
    private static string Label(string label) => Plain(label, DiscordLimits.ButtonLabel);

    /// <summary>Plain text of 1 to <paramref name="max"/> characters (labels, placeholders).</summary>
    private static string Plain(string text, int max)
    {
        var clean = StripControl(text).Trim();
        return clean.Length == 0 ? "…" : Markdown.Clip(clean, max);
    }

    private static string? Limit(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return Markdown.Truncate(text.Trim(), max);
    }

    private static string StripControl(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()) : text;
}
