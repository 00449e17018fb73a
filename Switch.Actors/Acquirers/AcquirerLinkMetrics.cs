using System.Diagnostics.Metrics;

namespace Switch.Actors.Acquirers;

/// <summary>The link's instruments, on the switch's meter.</summary>
public static class AcquirerLinkMetrics
{
    public const string MeterName = "Switch";
    public const string LateResponsesName = "switch.acquirer.late_responses";
    public const string AcquirerTag = "acquirer";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> LateResponses = Meter.CreateCounter<long>(
        LateResponsesName, "{response}", "Acquirer responses that matched no request in flight (timed out, or sent before the link dropped).");

    internal static void LateResponse(string acquirer) => LateResponses.Add(1, new KeyValuePair<string, object?>(AcquirerTag, acquirer));
}
