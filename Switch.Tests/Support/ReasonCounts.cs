using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Switch.Actors;
using Switch.Host.Terminals;

namespace Switch.Tests.Support;

/// <summary>
/// Counts what one of the switch's counters adds from now on, by its reason tag. The meter is the
/// process's, so a test reads what changed while it ran, never the counter's total.
/// </summary>
internal sealed class ReasonCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private long _total;

    public ReasonCounts(string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == SwitchMeter.Name && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Interlocked.Add(ref _total, value);
            foreach (var tag in tags)
            {
                if (tag.Key == TerminalPortMetrics.ReasonTag && tag.Value is string reason)
                {
                    _counts.AddOrUpdate(reason, value, (_, count) => count + value);
                }
            }
        });
        _listener.Start();
    }

    public long this[string reason] => _counts.GetValueOrDefault(reason);

    /// <summary>Everything added, whatever its reason (or for a counter that has none).</summary>
    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
