using System.Globalization;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Reversals;

/// <summary>
/// The reversal sent to the acquirer: 0400, or 0401 once an earlier attempt may have reached it,
/// with 3, 4, 7 (this attempt's time), 11, 37, 41, 42, 49 and 90. Field 11 is the original's STAN:
/// the link matches by message class, TID and STAN, so the reversal never collides with its
/// original, and the acquirer finds the original by 90 or, failing that, by 11.
/// </summary>
internal static class ReversalMessage
{
    public const int FirstMti = 400;
    public const int RepeatMti = 401;

    // Fields 3 to 90 of a reversal take under 150 bytes in any ISO 87 profile.
    private const int MaxLength = 256;

    /// <summary>Throws <see cref="IsoFormatException"/> when a value does not fit the profile; <see cref="TryKey"/> finds that out first.</summary>
    public static byte[] Build(IsoProfile profile, ReversalQueued reversal, bool repeat, DateTimeOffset now)
    {
        var original = reversal.Original;
        Span<byte> buffer = stackalloc byte[MaxLength];
        var writer = new IsoMessageWriter(buffer, profile, repeat ? RepeatMti : FirstMti);
        writer.Write(3, reversal.ProcessingCode);
        writer.WriteNumber(4, original.AmountMinor);
        writer.WriteNumber(7, TransmissionDateTime.Of(now));
        writer.WriteNumber(11, original.Stan);
        writer.Write(37, reversal.Rrn);
        writer.Write(41, reversal.Tid);
        writer.Write(42, reversal.Mid);
        writer.Write(49, reversal.Currency);
        writer.Write(90, OriginalData(original).ToDigits());
        return buffer[..writer.Complete()].ToArray();
    }

    /// <summary>
    /// Builds the reversal once to learn whether it can be sent in <paramref name="profile"/> and
    /// the key the link will match its answer by; false with the reason (which names no values) when not.
    /// </summary>
    public static bool TryKey(IsoProfile profile, ReversalQueued reversal, out AcquirerMatchKey key, out string reason)
    {
        key = default;
        reason = string.Empty;
        if (reversal.Original is null || reversal.Rrn.Length == 0 || reversal.Tid.Length == 0)
        {
            reason = "the original request, RRN or TID is missing";
            return false;
        }

        if (!long.TryParse(reversal.Original.TransmissionTime, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            reason = "the original transmission date-time is not a number";
            return false;
        }

        byte[] message;
        try
        {
            message = Build(profile, reversal, repeat: false, DateTimeOffset.UnixEpoch);
        }
        catch (IsoFormatException ex)
        {
            reason = ex.Message;
            return false;
        }

        if (!IsoMessage.TryParse(message, profile, out var parsed, out var error))
        {
            reason = error.Message;
            return false;
        }

        if (!AcquirerMatchKey.TryRead(in parsed, out key))
        {
            reason = "the TID is longer than a link can match";
            return false;
        }

        return true;
    }

    // The institution ids are not known to the switch's terminals; zeros say so, as field 90 allows.
    private static OriginalDataElements OriginalData(RequestIdentity original) => new(
        original.Mti,
        original.Stan,
        long.Parse(original.TransmissionTime, NumberStyles.None, CultureInfo.InvariantCulture),
        AcquiringInstitutionId: 0,
        ForwardingInstitutionId: 0);
}
