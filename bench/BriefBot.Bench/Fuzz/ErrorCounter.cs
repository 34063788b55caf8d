using System.Collections.Concurrent;

namespace BriefBot.Bench.Fuzz;

/// <summary>
/// Counts what the host logs at Error or above, by message template. An error carrying an exception other than a
/// failed outbound call (<see cref="HttpRequestException"/>, a Connector refusal, a timeout) is a crash: code that
/// threw on input it should have refused or handled.
/// </summary>
internal sealed class ErrorCounter : ILoggerProvider
{
    private static readonly string[] Outbound = ["HttpRequestException", "ConnectorException", "TaskCanceledException", "TimeoutRejectedException"];

    public ConcurrentDictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Crashes { get; } = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Counter(ErrorCounter counts, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error)
            {
                return;
            }

            string template = state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value is string format ? format : formatter(state, exception);
            string key = $"{category}: {template}" + (exception is null ? "" : $" ({exception.GetType().Name})");
            bool crash = exception is not null && !Outbound.Contains(exception.GetType().Name);
            (crash ? counts.Crashes : counts.Errors).AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }
}
