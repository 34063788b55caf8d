using BriefBot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace BriefBot.Tests.Rephrasing;

/// <summary>One log entry: its category (the logging class), level, and named values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, IReadOnlyDictionary<string, object?> Values)
{
    public object? this[string name] => Values.GetValueOrDefault(name);
}

/// <summary>
/// Records the host's log entries (add it with <c>ILoggerFactory.AddProvider</c>) so a test can wait for the moment
/// the host has decided something, such as a rephrasing that fell back, instead of sleeping.
/// </summary>
public sealed class LogWatch : ILoggerProvider
{
    private readonly Recording<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.Items;

    public void Clear() => _entries.Clear();

    /// <summary>Waits for an entry of the class named <paramref name="category"/> (its last name part) that matches.</summary>
    public Task<LogEntry> WaitForAsync(string category, Func<LogEntry, bool> match, TimeSpan? timeout = null) =>
        _entries.WaitForAsync(
            e => e.Category.EndsWith("." + category, StringComparison.Ordinal) && match(e),
            timeout ?? TimeSpan.FromSeconds(30),
            seen => $"No matching {category} log entry; saw: " + string.Join(", ", seen.Select(e => $"{e.Category} {e.Level}")));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry) => _entries.Add(entry);

    private sealed class Logger(LogWatch watch, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            watch.Add(new LogEntry(category, logLevel, values));
        }
    }
}
