using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Switch.Actors;
using Switch.Host.Terminals;

namespace Switch.Host.Demo;

/// <summary>
/// What the terminal port did to its connections from now on, read off the switch's own counters:
/// refused (by reason), closed for a limit (by reason), closed for bad input, answered 30.
/// </summary>
public sealed class TerminalPortActions : IDisposable
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [TerminalPortMetrics.RefusedName] = "refused",
        [TerminalPortMetrics.ClosedByLimitName] = "closed",
        [TerminalPortMetrics.ClosedForBadInputName] = "closed for bad input",
        [TerminalPortMetrics.FormatErrorsName] = "answered 30",
    };

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public TerminalPortActions()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SwitchMeter.Name && Labels.ContainsKey(instrument.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var label = Labels[instrument.Name];
            foreach (var tag in tags)
            {
                if (tag.Key == TerminalPortMetrics.ReasonTag)
                {
                    label = $"{label} ({tag.Value})";
                }
            }

            _counts.AddOrUpdate(label, value, (_, count) => count + value);
        });
        _listener.Start();
    }

    /// <summary>Counts so far, e.g. <c>closed (slow-frame): 200</c>; "nothing" when none moved.</summary>
    public string Describe() => _counts.IsEmpty
        ? "nothing"
        : string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value:N0}"));

    public void Dispose() => _listener.Dispose();
}
