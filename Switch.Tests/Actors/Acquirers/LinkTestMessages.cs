using System.Diagnostics.Metrics;
using Switch.Actors.Acquirers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Acquirers;

/// <summary>Requests and the acquirer's answers to them, in iso87-ascii.</summary>
internal static class LinkTestMessages
{
    public const string Pan = "4761739001010010";

    public static byte[] Purchase(string tid, int stan, long amount = 1234) => FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
    {
        w.Write(2, Pan);
        w.WriteNumber(3, 0);
        w.WriteNumber(4, amount);
        w.WriteNumber(7, 1129120000);
        w.WriteNumber(11, stan);
        w.Write(41, tid);
        w.Write(49, "156");
    });

    /// <summary>The acquirer's response: MTI + 10, every request field returned, 39 = <paramref name="code"/>.</summary>
    public static byte[] Answer(byte[] request, string code) => FramedClient.Build(Iso87.Ascii, Parse(request).Mti + 10, (ref IsoMessageWriter w) =>
    {
        var message = Parse(request);
        var coded = false;
        foreach (var field in message.Fields)
        {
            if (field > 39 && !coded)
            {
                w.Write(39, code);
                coded = true;
            }

            w.Copy(in message, field);
        }

        if (!coded)
        {
            w.Write(39, code);
        }
    });

    public static AcquirerMatchKey KeyOf(byte[] message) =>
        AcquirerMatchKey.TryRead(Parse(message), out var key) ? key : throw new ArgumentException("message has no key", nameof(message));

    private static IsoMessage Parse(byte[] message) => IsoMessage.Parse(message, Iso87.Ascii);
}

/// <summary>Sums <c>switch.acquirer.late_responses</c> for one acquirer while it lives.</summary>
internal sealed class LateResponseCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public LateResponseCounter(string acquirer)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AcquirerLinkMetrics.MeterName && instrument.Name == AcquirerLinkMetrics.LateResponsesName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == AcquirerLinkMetrics.AcquirerTag && Equals(tag.Value, acquirer))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
