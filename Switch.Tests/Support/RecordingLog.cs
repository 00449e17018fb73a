using System.Collections.Concurrent;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Switch.Tests.Support;

/// <summary>A Serilog logger whose events a test can read back, rendered.</summary>
internal sealed class RecordingLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public RecordingLog()
    {
        Logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
    }

    public ILogger Logger { get; }

    /// <summary>The messages logged at <paramref name="level"/> or above, rendered.</summary>
    public IReadOnlyList<string> AtLeast(LogEventLevel level) =>
        [.. _events.Where(e => e.Level >= level).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
