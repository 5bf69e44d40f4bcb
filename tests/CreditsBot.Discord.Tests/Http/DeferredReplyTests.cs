using System.Text.Json;
using CreditsBot.Discord.Tests.Support;

namespace CreditsBot.Discord.Tests.Http;

public class DeferredReplyTests
{
    [Fact]
    public async Task Work_past_the_budget_is_deferred_with_type_5_and_finished_by_patching_the_original()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        var patched = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Received += r => { if (r.Method == "PATCH") patched.TrySetResult(r); };
        var search = new FakeCreditsSearch(TestCatalog.Create());
        using var gate = new ManualResetEventSlim(false);
        search.Gate = gate;
        await using var server = await InteractionsServer.StartAsync(search, new Dictionary<string, string?>
        {
            ["Discord:ApiBaseUrl"] = api.BaseUrl,
            ["Discord:DeferAfterMilliseconds"] = "50",
        });

        using var response = await server.PostSignedAsync(Payloads.Command("person", ("name", "Greg Brockman"), ("private", true)));
        using var deferral = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(5, deferral.RootElement.GetProperty("type").GetInt32());
        Assert.Equal(64, deferral.RootElement.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(api.Requests);

        gate.Set();
        var edit = await patched.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal($"/api/v10/webhooks/{Payloads.ApplicationId}/aW50ZXJhY3Rpb246MTUzMzA4MTg2NTkzNjgzMDQ3MDpFWEFNUExFX1RPS0VO/messages/@original", edit.Path);
        using var body = JsonDocument.Parse(edit.Body);
        Assert.Equal("Greg Brockman", body.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }
}
