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
    public async Task Dry_run_prints_both_commands_installable_anywhere_with_localizations()
    {
        var (code, output, _) = await Run(Config([]), "--dry-run");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var commands = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([(1, "credits"), (3, "Look up credits")], commands.Select(c => (c.GetProperty("type").GetInt32(), c.GetProperty("name").GetString())));
        foreach (var command in commands)
        {
            Assert.Equal([0, 1], command.GetProperty("integration_types").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal([0, 1, 2], command.GetProperty("contexts").EnumerateArray().Select(e => e.GetInt32()));
        }
        var localized = commands[0].GetProperty("description_localizations");
        foreach (var locale in new[] { "de", "fr", "es-ES", "pt-BR", "ja" })
            Assert.False(string.IsNullOrWhiteSpace(localized.GetProperty(locale).GetString()));
        Assert.Equal("Credits nachschlagen", commands[1].GetProperty("name_localizations").GetProperty("de").GetString());
        var section = commands[0].GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "section");
        var document = section.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "document");
        Assert.True(document.GetProperty("autocomplete").GetBoolean());
        Assert.Equal("Nur diese Credits-Seite", document.GetProperty("description_localizations").GetProperty("de").GetString());
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
