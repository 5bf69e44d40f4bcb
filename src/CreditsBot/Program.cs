using CreditsBot.Cli;
using CreditsBot.Hosting;
using Microsoft.Extensions.Options;

// Verbs (import, person, section, role, search, register) answer from the bundled seeds and exit;
// with no verb the worker runs: it indexes the pages and serves Discord.
if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, Console.In);

Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    app = CreditsBotHost.Build(args);
    CreditsBotHost.CheckSettings(app.Services);
}
catch (OptionsValidationException e)
{
    // A missing setting is the admin's to fix: say which, without a stack trace.
    return CannotStart(e.Failures.Distinct());
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // A value of the wrong kind, e.g. Discord__Mode=Gatway: the binder's message names the setting and the value.
    return CannotStart([$"{e.Message} {e.InnerException?.Message}".Trim()]);
}

await app.RunAsync();
return Environment.ExitCode; // non-zero when a fatal Discord error stopped the worker

static int CannotStart(IEnumerable<string> problems)
{
    Console.Error.WriteLine("CreditsBot cannot start:");
    foreach (var problem in problems)
        Console.Error.WriteLine($"  - {problem}");
    return 2;
}
