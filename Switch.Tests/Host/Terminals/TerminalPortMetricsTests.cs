using System.Diagnostics.Metrics;
using Switch.Actors;
using Switch.Host.Terminals;

namespace Switch.Tests.Host.Terminals;

public sealed class TerminalPortMetricsTests
{
    [Fact]
    public void An_exporter_started_after_a_connection_opened_still_counts_the_connections_open_now()
    {
        TerminalPortMetrics.Opened();
        using var listener = ConnectionsListener(out var observed);
        TerminalPortMetrics.Opened();
        TerminalPortMetrics.Closed();

        listener.RecordObservableInstruments();

        // Connections of other tests come and go meanwhile, but the one still open here is always in the level.
        Assert.True(observed() >= 1, $"open connections observed: {observed()}");
        TerminalPortMetrics.Closed();
    }

    private static MeterListener ConnectionsListener(out Func<long> observed)
    {
        long total = 0;
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SwitchMeter.Name && instrument.Name == TerminalPortMetrics.ConnectionsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref total, value));
        listener.Start();
        observed = () => Interlocked.Read(ref total);
        return listener;
    }
}
