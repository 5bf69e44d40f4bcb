using System.Net;
using System.Text;
using System.Text.Json;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Http;

public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private readonly FakeCreditsSearch _search = new(TestCatalog.Create());
    private InteractionsServer _server = null!;

    public async Task InitializeAsync() => _server = await InteractionsServer.StartAsync(_search);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ping_gets_pong_as_json()
    {
        using var response = await _server.PostSignedAsync(Payloads.Ping());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_signature_headers_is_401()
    {
        using var response = await _server.Client.PostAsync("/interactions", new StringContent(Payloads.Ping(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Signed_by_another_key_is_401()
    {
        using var stranger = new Signer();
        var body = Payloads.Ping();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body) };
        request.Headers.Add("X-Signature-Ed25519", stranger.Sign("1700000000", Encoding.UTF8.GetBytes(body)));
        request.Headers.Add("X-Signature-Timestamp", "1700000000");
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Body_changed_after_signing_is_401()
    {
        using var response = await _server.PostSignedAsync(Payloads.Ping(), tamperBody: b => b.Replace("\"type\":1", "\"type\": 1"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Timestamp_changed_after_signing_is_401()
    {
        using var response = await _server.PostSignedAsync(Payloads.Ping(), timestamp: "1700000000", sendTimestamp: "1700000001");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_that_is_not_hex_is_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(Payloads.Ping()) };
        request.Headers.Add("X-Signature-Ed25519", new string('g', 128));
        request.Headers.Add("X-Signature-Timestamp", "1700000000");
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unsigned_malformed_body_is_401_not_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent("{not json") };
        request.Headers.Add("X-Signature-Ed25519", new string('a', 128));
        request.Headers.Add("X-Signature-Timestamp", "1700000000");
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type":"2"}""")]
    [InlineData("""{"type":99,"id":"1","token":"t","data":{}}""")]
    [InlineData("""{"type":2,"id":"1","token":"t"}""")]
    [InlineData("""{"type":3,"id":"1","token":"","data":{"custom_id":"cr|p|x|0"}}""")]
    [InlineData("""{"type":2,"id":"1","token":"t","data":{"name":"credits","options":[{"name":"person","type":"one"}]}}""")]
    public async Task Signed_but_malformed_bodies_are_400(string body)
    {
        using var response = await _server.PostSignedAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_deeply_nested_signed_body_is_400()
    {
        var bomb = """{"type":2,"id":"1","token":"t","data":""" + new string('[', 5000) + new string(']', 5000) + "}";
        using var response = await _server.PostSignedAsync(bomb);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_oversized_timestamp_header_is_401()
    {
        var timestamp = new string('1', 10_000);
        using var response = await _server.PostSignedAsync(Payloads.Ping(), timestamp: timestamp);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("name:(a OR b)^3 AND \"*\"")]
    [InlineData("🙂\u0000\u001b[31m")]
    public async Task A_hostile_6000_character_query_gets_a_polite_ephemeral_answer(string start)
    {
        using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", start + new string('x', 6000))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.True(data.GetProperty("embeds")[0].GetProperty("description").GetString()!.Length <= 4096);
    }

    [Fact]
    public async Task A_body_over_the_cap_is_413()
    {
        var huge = Payloads.Command("person", ("name", new string('a', 70_000)));
        using var response = await _server.PostSignedAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_is_413()
    {
        var body = Encoding.UTF8.GetBytes(Payloads.Command("person", ("name", new string('a', 70_000))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StreamContent(new NonSeekableStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Signature-Ed25519", _server.Signer.Sign("1700000000", body));
        request.Headers.Add("X-Signature-Timestamp", "1700000000");
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Person_command_gets_an_inline_reply_with_embed_and_no_mentions()
    {
        using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", "Greg Brockman")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("type").GetInt32());
        var data = root.GetProperty("data");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("Greg Brockman", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.False(data.TryGetProperty("flags", out _));
    }

    [Fact]
    public async Task Private_option_makes_the_reply_ephemeral()
    {
        using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", "Greg Brockman"), ("private", true)));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(64, json.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Person_at_everyone_pings_nobody_and_shows_literally()
    {
        using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", "@everyone")));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var title = data.GetProperty("embeds")[0].GetProperty("title").GetString()!;
        Assert.Equal("@\u200Beveryone", title);
        Assert.DoesNotContain("@everyone", text);
    }

    [Fact]
    public async Task Autocomplete_gets_choices_of_type_8()
    {
        using var response = await _server.PostSignedAsync(Payloads.Autocomplete("person", "name", "greg"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(8, json.RootElement.GetProperty("type").GetInt32());
        var choices = json.RootElement.GetProperty("data").GetProperty("choices");
        Assert.Contains(choices.EnumerateArray(), c => c.GetProperty("name").GetString() == "Greg Brockman"
                                                       && c.GetProperty("value").GetString() == FakeCreditsSearch.PersonKey("Greg Brockman"));
    }

    [Fact]
    public async Task A_page_button_updates_the_message_with_type_7()
    {
        var key = FakeCreditsSearch.PersonKey("Prolific Person");
        using var response = await _server.PostSignedAsync(Payloads.Button($"cr|p|{key}|1"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(7, json.RootElement.GetProperty("type").GetInt32());
        var data = json.RootElement.GetProperty("data");
        Assert.StartsWith("Page 2/", data.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task A_crashing_lookup_gives_an_ephemeral_error_and_the_server_keeps_serving()
    {
        _search.ThrowOnLookup = new InvalidOperationException("index exploded");
        using (var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", "Greg Brockman"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(4, json.RootElement.GetProperty("type").GetInt32());
            Assert.Equal(64, json.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        }
        using (var autocomplete = await _server.PostSignedAsync(Payloads.Autocomplete("person", "name", "gr")))
        {
            using var json = JsonDocument.Parse(await autocomplete.Content.ReadAsStringAsync());
            Assert.Equal(0, json.RootElement.GetProperty("data").GetProperty("choices").GetArrayLength());
        }

        _search.ThrowOnLookup = null;
        using var after = await _server.PostSignedAsync(Payloads.Command("person", ("name", "Greg Brockman")));
        using var ok = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal("Greg Brockman", ok.RootElement.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Before_the_index_is_ready_commands_say_so_privately()
    {
        _search.Ready = false;
        using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", "Greg")));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("try again in a moment", data.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_before_the_index_and_200_with_counts_after()
    {
        _search.Ready = false;
        using (var before = await _server.Client.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
            using var json = JsonDocument.Parse(await before.Content.ReadAsStringAsync());
            Assert.False(json.RootElement.GetProperty("ready").GetBoolean());
        }
        _search.Ready = true;
        using var after = await _server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        using var ready = JsonDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.True(ready.RootElement.GetProperty("ready").GetBoolean());
        Assert.Equal(2, ready.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(TestCatalog.Create().CreditCount, ready.RootElement.GetProperty("credits").GetInt32());
    }

    [Fact]
    public async Task Many_concurrent_signed_requests_all_succeed()
    {
        var tasks = Enumerable.Range(0, 64).Select(async i =>
        {
            using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", i % 2 == 0 ? "Greg Brockman" : "Alex Paino")));
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(tasks), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Logs_never_hold_the_interaction_token()
    {
        _search.ThrowOnLookup = new InvalidOperationException("boom");
        using var response = await _server.PostSignedAsync(Payloads.Command("person", ("name", "Greg")));
        Assert.NotEmpty(_server.Logs.Lines);
        Assert.DoesNotContain(_server.Logs.Lines, l => l.Contains("aW50ZXJhY3Rpb246", StringComparison.Ordinal));
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
