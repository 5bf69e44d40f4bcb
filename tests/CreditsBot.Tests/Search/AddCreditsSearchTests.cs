using CreditsBot.Core.Configuration;
using CreditsBot.Core.Search;
using CreditsBot.Core.Search.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CreditsBot.Tests.Search;

public class AddCreditsSearchTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public async Task A_host_with_the_search_indexes_the_bundled_pages_and_answers()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddCreditsSearch(builder.Configuration);
        using var host = builder.Build();
        var search = host.Services.GetRequiredService<ICreditsSearch>();
        Assert.False(search.IsReady);

        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!search.IsReady && DateTime.UtcNow < deadline)
                await Task.Delay(20);

            Assert.True(search.IsReady);
            Assert.Equal("Łukasz Kaiser", search.FindPerson("Lukasz Kaiser").Hits[0].Name);
            Assert.Equal(2, search.Summary?.Documents.Count);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Configured_folders_replace_the_default_and_are_validated()
    {
        var services = new ServiceCollection().AddLogging()
            .AddCreditsSearch(Configuration(("Credits:SeedFolders:0", "pages"), ("Credits:SeedFolders:1", "more"), ("Credits:IndexFolder", "idx")));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CreditsOptions>>().Value;

        Assert.Equal(["pages", "more"], options.SeedFolders);
        Assert.Equal("idx", options.IndexFolder);
        Assert.Same(provider.GetRequiredService<CreditsSearchEngine>(), provider.GetRequiredService<ICreditsSearch>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is CreditsIndexService);
    }

    [Fact]
    public void An_empty_folder_name_fails_validation()
    {
        var services = new ServiceCollection().AddLogging().AddCreditsSearch(Configuration(("Credits:SeedFolders:0", " ")));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CreditsOptions>>().Value);
    }
}
