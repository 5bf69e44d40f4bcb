using CreditsBot.Core.Configuration;
using CreditsBot.Discord.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

        ConfigureLogging(builder);
        if (builder.Configuration["Http:Urls"] is { Length: > 0 } urls)
            builder.WebHost.UseUrls(urls);

        builder.Services.AddOptions<CreditsOptions>().BindConfiguration(CreditsOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();

        var app = builder.Build();
        return app;
    }

    /// <summary>Readable one-line console logs by default; <c>Logging:Format=Json</c> for log collectors.</summary>
    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Format"], "Json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
    }
}
