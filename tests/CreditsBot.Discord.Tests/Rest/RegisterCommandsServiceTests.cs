using System.Text.Json;
using CreditsBot.Discord.Configuration;
using CreditsBot.Discord.Rest;
using CreditsBot.Discord.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreditsBot.Discord.Tests.Rest;

public class RegisterCommandsServiceTests
{
    private static RegisterCommandsService Service(FakeDiscordApi api, DiscordOptions options)
    {
        options.ApiBaseUrl = api.BaseUrl;
        var wrapped = Options.Create(options);
        var rest = new DiscordRestClient(new HttpClient(), wrapped, new RateLimitPolicy());
        return new RegisterCommandsService(new CommandRegistrar(rest, wrapped), wrapped, NullLogger<RegisterCommandsService>.Instance);
    }

    [Fact]
    public async Task At_start_it_registers_once_with_the_document_option_autocompleted()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        var service = Service(api, new DiscordOptions { Mode = DiscordMode.Http, Token = "t", ApplicationId = "42", GuildId = "7" });

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));

        var request = Assert.Single(api.Requests);
        Assert.Equal("/api/v10/applications/42/guilds/7/commands", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        var section = body.RootElement[0].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "section");
        var document = section.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "document");
        Assert.True(document.GetProperty("autocomplete").GetBoolean());
        Assert.False(document.TryGetProperty("choices", out _));
    }

    [Theory]
    [InlineData(DiscordMode.None, "t", true)]
    [InlineData(DiscordMode.Http, null, true)]
    [InlineData(DiscordMode.Http, "t", false)]
    public async Task Without_mode_token_or_the_setting_it_does_nothing(DiscordMode mode, string? token, bool onStart)
    {
        await using var api = await FakeDiscordApi.StartAsync();
        var service = Service(api, new DiscordOptions { Mode = mode, Token = token, ApplicationId = "42", RegisterCommandsOnStart = onStart });
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task A_refusal_from_discord_is_logged_not_thrown()
    {
        await using var api = await FakeDiscordApi.StartAsync();
        api.Script("/applications/42/commands", new ScriptedResponse(400, """{"code":50035,"message":"Invalid Form Body"}"""));
        var service = Service(api, new DiscordOptions { Mode = DiscordMode.Http, Token = "t", ApplicationId = "42" });
        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }
}
