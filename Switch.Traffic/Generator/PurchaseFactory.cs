using System.Globalization;
using Switch.Protocol.Iso8583;

namespace Switch.Traffic.Generator;

/// <summary>0200 purchases of one amount, each on the next card of a pool of test cards.</summary>
public sealed class PurchaseFactory : IRequestFactory
{
    public const int CardPool = 1000;

    private readonly RunOptions _options;
    private readonly string[] _pans = [.. Enumerable.Range(0, CardPool).Select(TestCards.Pan)];
    private readonly string _expiry;

    public PurchaseFactory(RunOptions options, DateTime? utcNow = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _expiry = (utcNow ?? DateTime.UtcNow).AddYears(3).ToString("yyMM", CultureInfo.InvariantCulture);
    }

    public int Write(Span<byte> destination, in RequestContext context)
    {
        var writer = new IsoMessageWriter(destination, _options.Profile, 200);
        // Terminals start on different cards so they do not walk the pool in step.
        writer.Write(2, _pans[(int)((context.Sequence + (context.Terminal * 7919L)) % CardPool)]);
        writer.WriteNumber(3, 0);
        writer.WriteNumber(4, _options.Amount);
        writer.WriteNumber(7, TransmissionDateTime(context.UtcNow));
        writer.WriteNumber(11, context.Stan);
        writer.Write(14, _expiry);
        writer.Write(22, "051");
        writer.Write(41, context.Tid);
        writer.Write(42, _options.Mid);
        writer.Write(49, "156");
        return writer.Complete();
    }

    /// <summary>Field 7, MMddHHmmss, as a number (the writer zero-fills it).</summary>
    public static long TransmissionDateTime(DateTime utc) =>
        (utc.Month * 100_000_000L) + (utc.Day * 1_000_000L) + (utc.Hour * 10_000L) + (utc.Minute * 100L) + utc.Second;
}
