using System.Text.Json;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>Interaction bodies shaped like Discord's (cf. the examples in discord-api.md §2.4–2.6).</summary>
public static class Payloads
{
    public const string ApplicationId = "1216309572403331073";
    public const string GuildId = "838482473779331074";

    private const string Envelope = """
        "application_id": "1216309572403331073", "version": 1, "guild_id": "838482473779331074",
        "channel_id": "838482725437571075", "locale": "en-GB", "guild_locale": "en-US", "app_permissions": "347136",
        "entitlements": [], "authorizing_integration_owners": { "0": "838482473779331074" }, "context": 0,
        "channel": { "id": "838482725437571075", "type": 0, "name": "general", "guild_id": "838482473779331074" },
        "member": { "user": { "id": "646650947174531076", "username": "mira", "discriminator": "0", "global_name": "Mira", "avatar": null },
                    "nick": null, "roles": ["849225764044931082"], "joined_at": "2021-05-03T10:12:44.031000+00:00",
                    "deaf": false, "mute": false, "flags": 0, "permissions": "2248473465835073" }
        """;

    public static string Ping(string id = "1234567890123456789") =>
        $$"""{"type":1,"id":"{{id}}","application_id":"{{ApplicationId}}","token":"dummy-token","version":1}""";

    public static string Command(string subcommand, params (string Name, object Value)[] options) =>
        Interaction(2, "1533081865936830470", "aW50ZXJhY3Rpb246MTUzMzA4MTg2NTkzNjgzMDQ3MDpFWEFNUExFX1RPS0VO", $$"""
            {"id":"1531692711936131077","name":"credits","type":1,"options":[{"name":"{{subcommand}}","type":1,"options":[{{Options(options, focused: null)}}]}]}
            """);

    public static string Autocomplete(string subcommand, string focused, string text, params (string Name, object Value)[] others) =>
        Interaction(4, "1533081888489603079", "aW50ZXJhY3Rpb246MTUzMzA4MTg4ODQ4OTYwMzA3OTpFWEFNUExF", $$"""
            {"id":"1531692711936131077","name":"credits","type":1,"options":[{"name":"{{subcommand}}","type":1,"options":[{{Options([(focused, text), .. others], focused)}}]}]}
            """);

    public static string Button(string customId) =>
        Interaction(3, "1533082159022211081", "aW50ZXJhY3Rpb246MTUzMzA4MjE1OTAyMjIxMTA4MTpFWEFNUExF",
            $$"""{"component_type":2,"custom_id":{{JsonSerializer.Serialize(customId)}},"id":3}""",
            extra: """
                , "message": { "id": "1533081867333533704", "channel_id": "838482725437571075", "type": 20, "flags": 0, "content": "",
                  "embeds": [ { "type": "rich", "title": "Greg Brockman", "color": 5793266 } ], "components": [] }
                """);

    public static string Interaction(int type, string id, string token, string data, string extra = "") =>
        $$"""{"type":{{type}},"id":"{{id}}","token":"{{token}}",{{Envelope}},"data":{{data}}{{extra}}}""";

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
