using System.Net;
using System.Text.Json;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Http;

/// <summary>
/// The three full interaction examples of discord-api.md §2.4–2.6 through the real endpoint, as documented except
/// for the interaction tokens: opaque to the bot, so short placeholders stand in for the long example values.
/// </summary>
public sealed class DocumentedExamplesTests : IAsyncLifetime
{
    private const string ExampleA = """
{
  "app_permissions": "347136",
  "application_id": "1216309572403331073",
  "attachment_size_limit": 10485760,
  "authorizing_integration_owners": { "0": "838482473779331074" },
  "channel": {
    "id": "838482725437571075", "type": 0, "name": "general", "guild_id": "838482473779331074",
    "nsfw": false, "parent_id": null, "position": 0, "flags": 0, "rate_limit_per_user": 0,
    "topic": null, "last_message_id": "1533081800000000000", "permissions": "2248473465835073"
  },
  "channel_id": "838482725437571075",
  "context": 0,
  "data": {
    "id": "1531692711936131077",
    "name": "credits",
    "type": 1,
    "options": [
      { "name": "person", "type": 1, "options": [ { "name": "name", "type": 3, "value": "greg" } ] }
    ]
  },
  "entitlements": [],
  "guild": { "id": "838482473779331074", "locale": "en-US", "features": [] },
  "guild_id": "838482473779331074",
  "guild_locale": "en-US",
  "id": "1533081865936830470",
  "locale": "en-GB",
  "member": {
    "user": {
      "id": "646650947174531076", "username": "mira", "discriminator": "0", "global_name": "Mira",
      "avatar": null, "public_flags": 0
    },
    "nick": null, "avatar": null, "roles": ["849225764044931082"], "joined_at": "2021-05-03T10:12:44.031000+00:00",
    "premium_since": null, "deaf": false, "mute": false, "flags": 0, "pending": false,
    "permissions": "2248473465835073", "communication_disabled_until": null
  },
  "token": "example-token-a",
  "type": 2,
  "version": 1
}
""";

    private const string ExampleB = """
{
  "type": 4,
  "id": "1533081888489603079",
  "application_id": "1216309572403331073",
  "token": "example-token-b",
  "version": 1,
  "guild_id": "838482473779331074",
  "channel_id": "838482725437571075",
  "channel": { "id": "838482725437571075", "type": 0, "name": "general", "guild_id": "838482473779331074" },
  "member": {
    "user": { "id": "646650947174531076", "username": "mira", "discriminator": "0", "global_name": "Mira", "avatar": null },
    "roles": [], "joined_at": "2021-05-03T10:12:44.031000+00:00", "deaf": false, "mute": false, "flags": 0,
    "permissions": "2248473465835073"
  },
  "locale": "en-GB",
  "guild_locale": "en-US",
  "app_permissions": "347136",
  "entitlements": [],
  "authorizing_integration_owners": { "0": "838482473779331074" },
  "context": 0,
  "data": {
    "id": "1531692711936131077",
    "name": "credits",
    "type": 1,
    "options": [
      { "name": "role", "type": 1, "options": [ { "name": "query", "type": 3, "value": "dir", "focused": true } ] }
    ]
  }
}
""";

    private const string ExampleC = """
{
  "type": 3,
  "id": "1533082159022211081",
  "application_id": "1216309572403331073",
  "token": "example-token-c",
  "version": 1,
  "guild_id": "838482473779331074",
  "channel_id": "838482725437571075",
  "channel": { "id": "838482725437571075", "type": 0, "name": "general", "guild_id": "838482473779331074" },
  "member": {
    "user": { "id": "646650947174531076", "username": "mira", "discriminator": "0", "global_name": "Mira", "avatar": null },
    "roles": [], "joined_at": "2021-05-03T10:12:44.031000+00:00", "deaf": false, "mute": false, "flags": 0,
    "permissions": "2248473465835073"
  },
  "locale": "en-GB",
  "guild_locale": "en-US",
  "app_permissions": "347136",
  "entitlements": [],
  "authorizing_integration_owners": { "0": "838482473779331074" },
  "context": 0,
  "data": { "component_type": 2, "custom_id": "cr|p|greg|2", "id": 3 },
  "message": {
    "id": "1533081867333533704",
    "channel_id": "838482725437571075",
    "type": 20,
    "flags": 0,
    "content": "",
    "author": { "id": "1216309572403331073", "username": "CreditsBot", "discriminator": "4821", "global_name": null, "avatar": null, "bot": true },
    "application_id": "1216309572403331073",
    "webhook_id": "1216309572403331073",
    "timestamp": "2026-08-01T12:00:00.456000+00:00",
    "edited_timestamp": null,
    "tts": false, "pinned": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
    "embeds": [ { "type": "rich", "title": "Credits — greg", "description": "Page 1/3", "color": 5793266 } ],
    "components": [
      { "type": 1, "id": 1, "components": [
        { "type": 2, "id": 2, "style": 2, "label": "Previous", "custom_id": "cr|p|greg|0", "disabled": true },
        { "type": 2, "id": 3, "style": 2, "label": "Next", "custom_id": "cr|p|greg|2" }
      ] }
    ],
    "interaction_metadata": {
      "id": "1533081865936830470", "type": 2,
      "user": { "id": "646650947174531076", "username": "mira", "discriminator": "0", "global_name": "Mira", "avatar": null },
      "authorizing_integration_owners": { "0": "838482473779331074" }
    }
  }
}
""";

    private InteractionsServer _server = null!;

    public async Task InitializeAsync() => _server = await InteractionsServer.StartAsync(new FakeCreditsSearch(TestCatalog.Create()));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonElement> Answer(string body)
    {
        using var response = await _server.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Example_a_person_command_gets_a_reply()
    {
        var answer = await Answer(ExampleA);
        Assert.Equal(4, answer.GetProperty("type").GetInt32());
        Assert.Equal("Greg Brockman", answer.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Example_b_role_autocomplete_gets_choices_even_when_there_are_none()
    {
        var answer = await Answer(ExampleB);
        Assert.Equal(8, answer.GetProperty("type").GetInt32());
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("data").GetProperty("choices").ValueKind);
    }

    [Fact]
    public async Task Example_c_next_button_updates_the_message()
    {
        // "greg" is not a key of the fake search: it is looked up as text, and the page is clamped to the last.
        var answer = await Answer(ExampleC);
        Assert.Equal(7, answer.GetProperty("type").GetInt32());
        var data = answer.GetProperty("data");
        Assert.Equal("Greg Brockman", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }
}
