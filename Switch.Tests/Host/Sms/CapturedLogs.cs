using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Switch.Tests.Host.Sms;

/// <summary>
/// Records everything logged through Microsoft.Extensions.Logging, at every level and from every
/// category (the HTTP client factory's own loggers included): messages, structured values, scopes
/// and exceptions, so a test can search all of it for what must never be there.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyCollection<Line> Lines => _lines;

    /// <summary>Every piece of text that reached a logger.</summary>
    public IEnumerable<string> AllText => _lines.SelectMany(line => line.Texts);

    public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, _lines);

    public void Dispose()
    {
    }

    internal sealed record Line(string Category, LogLevel Level, EventId Event, string Message, IReadOnlyList<string> Texts);

    private sealed class Capturing(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue(new Line(category, LogLevel.None, default, "scope", [.. Values(state)]));
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            lines.Enqueue(new Line(category, logLevel, eventId, message, [message, exception?.ToString() ?? string.Empty, .. Values(state)]));
        }

        private static IEnumerable<string> Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(pair => $"{pair.Key}={pair.Value}").Append(state.ToString() ?? string.Empty)
                : [state?.ToString() ?? string.Empty];
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
