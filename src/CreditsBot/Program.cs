using CreditsBot.Cli;
using CreditsBot.Hosting;

// Verbs (import, person, section, role, search, register) answer from the bundled seeds and exit;
// with no verb the worker runs: it indexes the pages and serves Discord.
if (CommandLine.IsVerb(args))
    return await CommandLine.RunAsync(args, Console.Out, Console.Error, Console.In);

await CreditsBotHost.Build(args).RunAsync();
return Environment.ExitCode; // non-zero when a fatal Discord error stopped the worker
