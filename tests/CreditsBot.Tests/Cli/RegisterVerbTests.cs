using System.Collections.Concurrent;
using System.Text.Json;
using CreditsBot.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Tests.Cli;

public class RegisterVerbTests
{
    private static IConfiguration Config(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static async Task<(int Code, string Output, string Error)> Run(IConfiguration configuration, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await RegisterVerb.RunAsync(args, output, error, configuration);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Dry_run_prints_the_commands_with_the_bundled_documents_as_choices()
    {
        var (code, output, _) = await Run(Config([]), "--dry-run");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var section = json.RootElement[0].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "section");
        var choices = section.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "document").GetProperty("choices");
        Assert.Equal(["gpt-4", "gpt-4v"], choices.EnumerateArray().Select(c => c.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Without_a_token_it_names_the_settings_and_sends_nothing()
    {
        var (code, _, error) = await Run(Config([]));
        Assert.Equal(2, code);
        Assert.Contains("Discord__Token", error);
        Assert.Contains("Discord__ApplicationId", error);
    }

    [Fact]
    public async Task It_puts_the_commands_to_the_configured_api_once()
    {
        var received = new ConcurrentQueue<(string Method, string Path, string Auth)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Run(async context =>
        {
            received.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers.Authorization.ToString()));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""[{"id":"1","name":"credits"}]""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        var (code, output, error) = await Run(Config(new()
        {
            ["Discord:Token"] = "test-token",
            ["Discord:ApplicationId"] = "1216309572403331073",
            ["Discord:ApiBaseUrl"] = address + "/api/v10",
        }));

        Assert.True(code == 0, error);
        Assert.Contains("Registered 1 command(s) (global)", output);
        var request = Assert.Single(received);
        Assert.Equal(("PUT", "/api/v10/applications/1216309572403331073/commands", "Bot test-token"), request);
        await app.StopAsync();
    }
}
