using CreditsBot.Core.Configuration;
using CreditsBot.Discord.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CreditsBot.Hosting;

/// <summary>The composition root of the worker.</summary>
public static class CreditsBotHost
{
    public static WebApplication Build(string[] args)
    {
        // The app's own folder holds appsettings.json and seeds/, so it runs the same from any directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Services.AddOptions<CreditsOptions>().BindConfiguration(CreditsOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();

        var app = builder.Build();
        return app;
    }
}
