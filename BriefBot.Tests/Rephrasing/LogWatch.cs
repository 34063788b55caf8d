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
    private readonly List<LogEntry> _entries = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    /// <summary>Waits for an entry of the class named <paramref name="category"/> (its last name part) that matches.</summary>
    public async Task<LogEntry> WaitForAsync(string category, Func<LogEntry, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var found = _entries.FirstOrDefault(e => e.Category.EndsWith("." + category, StringComparison.Ordinal) && match(e));
                if (found is not null)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {category} log entry; saw: " + string.Join(", ", Entries.Select(e => $"{e.Category} {e.Level}")));
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _entries.Add(entry);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

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
