using System.Diagnostics.Metrics;
using Switch.Actors.Events;

namespace Switch.Actors.Terminals;

/// <summary>Batch closes (0500), counted once journaled: a rising 95 count is a terminal fleet out of step with the switch.</summary>
public static class BatchMetrics
{
    public const string ClosedName = "switch.batches_closed";

    private static readonly Counter<long> Closes = SwitchMeter.Instance.CreateCounter<long>(
        ClosedName, "{batch}", "Terminal batches closed (0500) by response code: 00 balanced, 95 out of balance.");

    internal static void Closed(BatchClosed closed) => Closes.Add(
        1, new KeyValuePair<string, object?>("response_code", closed.ResponseCode));
}
