using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CreditsBot.Discord.Tests.Support;

/// <summary>Keeps every log entry (level, category, message and exception text) so tests can read what an operator would see.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text)> Entries => _entries.ToArray();

    /// <summary>Each entry as "Level category: message exception".</summary>
    public IReadOnlyList<string> Lines => _entries.Select(e => e.Text).ToArray();

    public string AllText => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((logLevel, $"{logLevel} {category}: {formatter(state, exception)}" + (exception is null ? string.Empty : "\n" + exception)));
    }
}
