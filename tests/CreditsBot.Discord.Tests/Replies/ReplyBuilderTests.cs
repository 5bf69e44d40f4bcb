using System.Text.Json;
using CreditsBot.Core.Search;
using CreditsBot.Discord.Replies;
using CreditsBot.Discord.Wire;

namespace CreditsBot.Discord.Tests.Replies;

public class ReplyBuilderTests
{
    private static readonly ReplyModel Sample = new()
    {
        Title = "Title",
        Description = "Hello <@646650947174531076> @everyone",
        Fields = [new ReplyField("f", "v")],
        Pages = new PageNavigation(1, 3, new CustomIdTarget(CustomIdKind.PersonKey, "k")),
        Buttons = [new ReplyButton("Maybe", "cr|q|maybe|0")],
        Links = [new ReplyLink("Page", "https://example.org/credits")],
        Ephemeral = true,
    };

    public static TheoryData<string> MessagePaths => new() { "reply", "update", "edit", "follow-up", "error" };

    private static JsonElement Serialize(string path)
    {
        object payload = path switch
        {
            "reply" => ReplyBuilder.Reply(Sample),
            "update" => ReplyBuilder.Update(Sample),
            "edit" => ReplyBuilder.EditOriginal(Sample),
            "follow-up" => ReplyBuilder.FollowUp(Sample with { Ephemeral = false }),
            "error" => ReplyBuilder.Error("Nope <@1>"),
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
        var json = payload is InteractionResponse r
            ? JsonSerializer.Serialize(r, DiscordJsonContext.Default.InteractionResponse)
            : JsonSerializer.Serialize((MessagePayload)payload, DiscordJsonContext.Default.MessagePayload);
        var root = JsonDocument.Parse(json).RootElement;
        return root.TryGetProperty("data", out var data) ? data : root;
    }

    [Theory]
    [MemberData(nameof(MessagePaths))]
    public void Every_message_path_sets_allowed_mentions_parse_empty(string path)
    {
        var message = Serialize(path);
        var parse = message.GetProperty("allowed_mentions").GetProperty("parse");
        Assert.Equal(JsonValueKind.Array, parse.ValueKind);
        Assert.Equal(0, parse.GetArrayLength());
    }

    [Fact]
    public void Autocomplete_has_choices_only_since_it_is_not_a_message()
    {
        var json = JsonSerializer.Serialize(ReplyBuilder.Autocomplete([new AutocompleteChoice("Greg", "person:greg")]), DiscordJsonContext.Default.InteractionResponse);
        Assert.Equal("""{"type":8,"data":{"choices":[{"name":"Greg","value":"person:greg"}]}}""", json);
    }

    [Fact]
    public void Autocomplete_keeps_at_most_25_valid_choices()
    {
        var choices = Enumerable.Range(0, 40).Select(i => new AutocompleteChoice(new string('n', 150) + i, "v" + i))
            .Append(new AutocompleteChoice("bad value", new string('v', 101)))
            .Prepend(new AutocompleteChoice("dup", "v0"));
        var data = (AutocompletePayload)ReplyBuilder.Autocomplete(choices).Data!;
        Assert.Equal(25, data.Choices.Count);
        Assert.All(data.Choices, c => Assert.InRange(c.Name.Length, 1, 100));
        Assert.All(data.Choices, c => Assert.InRange(c.Value.Length, 1, 100));
        Assert.Equal(data.Choices.Count, data.Choices.Select(c => c.Value).Distinct().Count());
    }

    [Fact]
    public void Ephemeral_sets_flag_64_on_replies_and_errors_but_not_on_updates_or_edits()
    {
        Assert.Equal(64, Serialize("reply").GetProperty("flags").GetInt32());
        Assert.Equal(64, Serialize("error").GetProperty("flags").GetInt32());
        Assert.False(Serialize("update").TryGetProperty("flags", out _));
        Assert.False(Serialize("edit").TryGetProperty("flags", out _));
    }

    [Fact]
    public void Pages_become_previous_and_next_buttons_with_state_in_custom_id()
    {
        var message = (MessagePayload)ReplyBuilder.Reply(Sample).Data!;
        var nav = message.Components![0].Components!;
        Assert.Equal("cr|p|k|0", nav[0].CustomId);
        Assert.Equal("cr|p|k|2", nav[1].CustomId);
        Assert.Null(nav[0].Disabled);
        Assert.Null(nav[1].Disabled);
        Assert.Equal("cr|q|maybe|0", message.Components[1].Components![0].CustomId);
        var link = message.Components[2].Components![0];
        Assert.Equal(ButtonStyle.Link, link.Style);
        Assert.Equal("https://example.org/credits", link.Url);
        Assert.Null(link.CustomId);
    }

    [Fact]
    public void First_and_last_pages_disable_the_way_out_and_keep_ids_unique()
    {
        var first = (MessagePayload)ReplyBuilder.Reply(Sample with { Pages = Sample.Pages! with { Current = 0 } }).Data!;
        var last = (MessagePayload)ReplyBuilder.Reply(Sample with { Pages = Sample.Pages! with { Current = 2 } }).Data!;
        Assert.True(first.Components![0].Components![0].Disabled);
        Assert.True(last.Components![0].Components![1].Disabled);
        foreach (var message in new[] { first, last })
        {
            var ids = message.Components!.SelectMany(r => r.Components!).Where(b => b.CustomId is not null).Select(b => b.CustomId).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void A_single_page_has_no_navigation()
    {
        var message = (MessagePayload)ReplyBuilder.Reply(new ReplyModel
        {
            Title = "t",
            Pages = new PageNavigation(0, 1, new CustomIdTarget(CustomIdKind.PersonKey, "k")),
        }).Data!;
        Assert.Empty(message.Components!);
    }

    [Fact]
    public void Links_that_are_not_http_are_dropped()
    {
        var message = (MessagePayload)ReplyBuilder.Reply(new ReplyModel
        {
            Title = "t",
            Links = [new ReplyLink("bad", "javascript:alert(1)"), new ReplyLink("rel", "/relative"), new ReplyLink("ok", "https://example.org")],
        }).Data!;
        var links = message.Components!.SelectMany(r => r.Components!).ToList();
        Assert.Equal(["https://example.org"], links.Select(l => l.Url));
    }

    [Fact]
    public void Oversized_models_are_cut_to_every_discord_limit()
    {
        var model = new ReplyModel
        {
            Content = new string('c', 5000),
            Title = new string('t', 1000),
            Description = new string('d', 10_000),
            Fields = Enumerable.Range(0, 40).Select(i => new ReplyField(new string('n', 400), new string('v', 3000))).ToList(),
            Footer = new string('f', 5000),
            Buttons = Enumerable.Range(0, 40).Select(i => new ReplyButton(new string('l', 200), $"cr|q|{i}|0")).ToList(),
            Links = Enumerable.Range(0, 10).Select(i => new ReplyLink("link", $"https://example.org/{i}")).ToList(),
            Pages = new PageNavigation(3, 9, new CustomIdTarget(CustomIdKind.RoleQuery, new string('q', 300))),
        };
        foreach (var message in new[] { (MessagePayload)ReplyBuilder.Reply(model).Data!, ReplyBuilder.EditOriginal(model), (MessagePayload)ReplyBuilder.Update(model).Data! })
            AssertWithinLimits(message);
    }

    [Fact]
    public void The_6000_total_drops_trailing_fields_and_says_so()
    {
        var model = new ReplyModel
        {
            Title = "t",
            Description = new string('d', 3000),
            Fields = Enumerable.Range(0, 10).Select(i => new ReplyField($"field {i}", new string('v', 1000))).ToList(),
        };
        var embed = ((MessagePayload)ReplyBuilder.Reply(model).Data!).Embeds![0];
        AssertWithinLimits((MessagePayload)ReplyBuilder.Reply(model).Data!);
        Assert.Equal(new string('d', 3000), embed.Description);
        Assert.Contains("more not shown", embed.Footer!.Text);
        Assert.Equal("field 0", embed.Fields![0].Name);
    }

    [Fact]
    public void A_pick_becomes_one_string_select_in_its_own_row_within_every_limit()
    {
        var choices = Enumerable.Range(0, 30).Select(i => new ReplyChoice(new string('L', 150) + i, $"cr|p|key {i}|0", new string('d', 150)))
            .Prepend(new ReplyChoice("too long", "cr|p|" + new string('k', 200) + "|0"))
            .Append(new ReplyChoice("duplicate", "cr|p|key 0|0"))
            .ToList();
        var model = new ReplyModel { Title = "t", Pick = new ReplyPick(new string('p', 200), choices), Buttons = [new ReplyButton("Post in channel", "cp|p|k|0")] };

        var message = (MessagePayload)ReplyBuilder.Reply(model).Data!;

        AssertWithinLimits(message);
        var select = Assert.Single(message.Components![0].Components!);
        Assert.Equal(ComponentType.StringSelect, select.Type);
        Assert.Equal(CustomIdCodec.SelectId, select.CustomId);
        Assert.Equal(25, select.Options!.Count);
        Assert.Equal("cr|p|key 0|0", select.Options[0].Value);
        Assert.Equal(DiscordLimits.SelectPlaceholder, select.Placeholder!.Length);
        Assert.Equal("Post in channel", Assert.Single(message.Components[1].Components!).Label);
    }

    internal static void AssertWithinLimits(MessagePayload message)
    {
        Assert.True((message.Content?.Length ?? 0) <= DiscordLimits.Content);
        Assert.True((message.Embeds?.Count ?? 0) <= 10);
        foreach (var embed in message.Embeds ?? [])
        {
            Assert.True((embed.Title?.Length ?? 0) <= DiscordLimits.EmbedTitle);
            Assert.True((embed.Description?.Length ?? 0) <= DiscordLimits.EmbedDescription);
            Assert.True((embed.Fields?.Count ?? 0) <= DiscordLimits.EmbedFields);
            Assert.All(embed.Fields ?? [], f =>
            {
                Assert.InRange(f.Name.Length, 1, DiscordLimits.FieldName);
                Assert.InRange(f.Value.Length, 1, DiscordLimits.FieldValue);
            });
            Assert.True((embed.Footer?.Text.Length ?? 0) <= DiscordLimits.FooterText);
            var total = (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
                        + (embed.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length);
            Assert.True(total <= DiscordLimits.EmbedTotal, $"embed total {total}");
        }
        var rows = message.Components ?? [];
        Assert.True(rows.Count <= DiscordLimits.ActionRows);
        Assert.All(rows, row =>
        {
            Assert.Equal(ComponentType.ActionRow, row.Type);
            Assert.InRange(row.Components!.Count, 1, DiscordLimits.ButtonsPerRow);
            // A row holds buttons, or exactly one select.
            if (row.Components.Any(c => c.Type == ComponentType.StringSelect))
            {
                var select = Assert.Single(row.Components);
                Assert.InRange(select.CustomId!.Length, 1, DiscordLimits.CustomId);
                Assert.InRange(select.Placeholder?.Length ?? 0, 0, DiscordLimits.SelectPlaceholder);
                Assert.InRange(select.Options!.Count, 1, DiscordLimits.SelectOptions);
                Assert.All(select.Options, o =>
                {
                    Assert.InRange(o.Label.Length, 1, DiscordLimits.SelectOptionText);
                    Assert.InRange(o.Value.Length, 1, DiscordLimits.SelectOptionText);
                    Assert.InRange(o.Description?.Length ?? 1, 1, DiscordLimits.SelectOptionText);
                });
                Assert.Equal(select.Options.Count, select.Options.Select(o => o.Value).Distinct().Count());
                return;
            }
            Assert.All(row.Components, b =>
            {
                Assert.Equal(ComponentType.Button, b.Type);
                Assert.InRange(b.Label!.Length, 1, DiscordLimits.ButtonLabel);
                if (b.Style == ButtonStyle.Link)
                    Assert.True(b.Url!.Length <= DiscordLimits.ButtonUrl);
                else
                    Assert.InRange(b.CustomId!.Length, 1, DiscordLimits.CustomId);
            });
        });
        var ids = rows.SelectMany(r => r.Components!).Where(b => b.CustomId is not null).Select(b => b.CustomId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
