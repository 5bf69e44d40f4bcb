using System.Text.Json;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>Who acts, where, and how the app is installed there: the envelope of an interaction.</summary>
/// <param name="Owners">The <c>authorizing_integration_owners</c> object as JSON.</param>
/// <param name="Permissions">The member's permissions in the channel (the default has Send Messages and Use External Apps).</param>
public sealed record Actor(
    string UserId = Payloads.MiraId,
    string Locale = "en-GB",
    string? GuildLocale = "en-US",
    string Owners = $$"""{ "0": "{{Payloads.GuildId}}" }""",
    string Permissions = "2248473465835073")
{
    public static Actor Mira { get; } = new();

    /// <summary>Another member of the same server.</summary>
    public static Actor Noor { get; } = new(UserId: "748120530391171072", Locale: "de");

    /// <summary>Mira, with the app installed to her account only: no bot in this server.</summary>
    public static Actor MiraUserInstalled { get; } = new(Owners: $$"""{ "1": "{{Payloads.MiraId}}" }""");
}

/// <summary>Interaction bodies shaped like Discord's (cf. the examples in discord-api.md §2.4–2.6).</summary>
public static class Payloads
{
    public const string ApplicationId = "1216309572403331073";
    public const string GuildId = "838482473779331074";
    public const string MiraId = "646650947174531076";

    private static string Envelope(Actor actor) => $$"""
        "application_id": "{{ApplicationId}}", "version": 1, "guild_id": "{{GuildId}}",
        "channel_id": "838482725437571075", "locale": "{{actor.Locale}}", {{(actor.GuildLocale is null ? "" : $"\"guild_locale\": \"{actor.GuildLocale}\",")}}
        "app_permissions": "347136", "entitlements": [], "authorizing_integration_owners": {{actor.Owners}}, "context": 0,
        "channel": { "id": "838482725437571075", "type": 0, "name": "general", "guild_id": "{{GuildId}}" },
        "member": { "user": { "id": "{{actor.UserId}}", "username": "mira", "discriminator": "0", "global_name": "Mira", "avatar": null },
                    "nick": null, "roles": ["849225764044931082"], "joined_at": "2021-05-03T10:12:44.031000+00:00",
                    "deaf": false, "mute": false, "flags": 0, "permissions": "{{actor.Permissions}}" }
        """;

    public static string Ping(string id = "1234567890123456789") =>
        $$"""{"type":1,"id":"{{id}}","application_id":"{{ApplicationId}}","token":"dummy-token","version":1}""";

    public static string Command(string subcommand, params (string Name, object Value)[] options) => CommandBy(Actor.Mira, subcommand, options);

    public static string CommandBy(Actor actor, string subcommand, params (string Name, object Value)[] options) =>
        Interaction(2, "1533081865936830470", "aW50ZXJhY3Rpb246MTUzMzA4MTg2NTkzNjgzMDQ3MDpFWEFNUExFX1RPS0VO", $$"""
            {"id":"1531692711936131077","name":"credits","type":1,"options":[{"name":"{{subcommand}}","type":1,"options":[{{Options(options, focused: null)}}]}]}
            """, actor: actor);

    /// <summary>The message command "Look up credits" run on a message with this text.</summary>
    public static string MessageCommand(string text, Actor? actor = null) =>
        Interaction(2, "1533081865936830471", "aW50ZXJhY3Rpb246MTUzMzA4MTg2NTkzNjgzMDQ3MTpFWEFNUExF", $$"""
            {"id":"1531692711936131078","name":"Look up credits","type":3,"target_id":"1533070000000000001",
             "resolved":{"messages":{"1533070000000000001":{"id":"1533070000000000001","channel_id":"838482725437571075","type":0,
               "content":{{JsonSerializer.Serialize(text)}},"author":{"id":"748120530391171072","username":"noor"},"embeds":[],"attachments":[] } } } }
            """, actor: actor);

    public static string Autocomplete(string subcommand, string focused, string text, params (string Name, object Value)[] others) =>
        Interaction(4, "1533081888489603079", "aW50ZXJhY3Rpb246MTUzMzA4MTg4ODQ4OTYwMzA3OTpFWEFNUExF", $$"""
            {"id":"1531692711936131077","name":"credits","type":1,"options":[{"name":"{{subcommand}}","type":1,"options":[{{Options([(focused, text), .. others], focused)}}]}]}
            """);

    /// <summary>A click on a button of a message that answered <paramref name="ownerId"/>'s command.</summary>
    public static string Button(string customId, Actor? clicker = null, string? ownerId = MiraId, int flags = 0) =>
        Component($$"""{"component_type":2,"custom_id":{{JsonSerializer.Serialize(customId)}},"id":3}""", clicker, ownerId, flags);

    /// <summary>A choice in the string select of such a message.</summary>
    public static string Select(string value, Actor? clicker = null, string? ownerId = MiraId, int flags = 0) =>
        Component($$"""{"component_type":3,"custom_id":"cr|pick","values":[{{JsonSerializer.Serialize(value)}}],"id":4}""", clicker, ownerId, flags);

    private static string Component(string data, Actor? clicker, string? ownerId, int flags)
    {
        var metadata = ownerId is null ? "" : $$"""
            , "interaction_metadata": { "id": "1533081865936830470", "type": 2, "user": { "id": "{{ownerId}}", "username": "owner" },
                "authorizing_integration_owners": { "0": "{{GuildId}}" } }
            """;
        return Interaction(3, "1533082159022211081", "aW50ZXJhY3Rpb246MTUzMzA4MjE1OTAyMjIxMTA4MTpFWEFNUExF", data, actor: clicker, extra: $$"""
            , "message": { "id": "1533081867333533704", "channel_id": "838482725437571075", "type": 20, "flags": {{flags}}, "content": "",
              "embeds": [ { "type": "rich", "title": "Greg Brockman", "color": 5793266 } ], "components": [] {{metadata}} }
            """);
    }

    /// <summary>The same interaction under another id (the first "id" of the body is the interaction's own).</summary>
    public static string WithId(string body, string id) =>
        new System.Text.RegularExpressions.Regex("\"id\":\"\\d+\"").Replace(body, $"\"id\":\"{id}\"", 1);

    public static string Interaction(int type, string id, string token, string data, string extra = "", Actor? actor = null) =>
        $$"""{"type":{{type}},"id":"{{id}}","token":"{{token}}",{{Envelope(actor ?? Actor.Mira)}},"data":{{data}}{{extra}}}""";

    private static string Options((string Name, object Value)[] options, string? focused) =>
        string.Join(",", options.Select(o =>
        {
            var (type, value) = o.Value switch
            {
                bool b => (5, b ? "true" : "false"),
                _ => (3, JsonSerializer.Serialize(o.Value.ToString())),
            };
            var focus = o.Name == focused ? ",\"focused\":true" : "";
            return $$"""{"name":"{{o.Name}}","type":{{type}},"value":{{value}}{{focus}}}""";
        }));
}
