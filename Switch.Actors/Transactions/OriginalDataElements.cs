using System.Globalization;

namespace Switch.Actors.Transactions;

/// <summary>
/// Field 90 (n42) of a reversal: the original request's MTI (4), STAN (6), transmission date-time
/// MMDDhhmmss (10), acquiring institution id (11) and forwarding institution id (11), each zero-filled.
/// </summary>
public readonly record struct OriginalDataElements(
    int Mti,
    int Stan,
    long TransmissionDateTime,
    long AcquiringInstitutionId,
    long ForwardingInstitutionId)
{
    public const int Length = 42;

    /// <summary>Reads the application value (ASCII digits; a BCD field is decoded first with <c>CopyValue</c>).</summary>
    public static bool TryParse(ReadOnlySpan<byte> asciiDigits, out OriginalDataElements value)
    {
        value = default;
        if (asciiDigits.Length != Length || asciiDigits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        value = new OriginalDataElements(
            (int)Number(asciiDigits[..4]),
            (int)Number(asciiDigits[4..10]),
            Number(asciiDigits[10..20]),
            Number(asciiDigits[20..31]),
            Number(asciiDigits[31..42]));
        return true;
    }

    /// <summary>
    /// The application value <see cref="TryParse"/> reads: each part zero-filled to its width. A part
    /// too long for its width makes the result longer than <see cref="Length"/>, which field 90 refuses.
    /// </summary>
    public string ToDigits() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Mti:D4}{Stan:D6}{TransmissionDateTime:D10}{AcquiringInstitutionId:D11}{ForwardingInstitutionId:D11}");

    // Only called on runs of at most 11 digits already checked, so it cannot fail.
    private static long Number(ReadOnlySpan<byte> digits) => long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
