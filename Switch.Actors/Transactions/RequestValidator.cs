using System.Security.Cryptography;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

/// <summary>
/// The checks a request must pass before it costs a risk score, a challenge or an acquirer round trip.
/// The first rule broken decides, in this order, so a request that breaks several always gets the same
/// answer:
/// <list type="number">
/// <item>0100/0200: fields 2 or 35, 3, 4, 7, 11, 41, 42, 49 present, else 30;</item>
/// <item>processing code one of <see cref="ProcessingCodes"/>, else 12;</item>
/// <item>PAN (field 2, else track 2) 12–19 digits and Luhn-valid, and equal to track 2's when both
/// are present, else 14;</item>
/// <item>amount above zero and at most the maximum, else 13;</item>
/// <item>expiry (field 14, track 2) not past and a real month, else 54;</item>
/// <item>currency three digits or three capital letters, else 30.</item>
/// </list>
/// Reversals (0400/0401): fields 11 and 41 present, else 30; field 90, when present, well formed
/// (else 30) and naming an 0100 or 0200 (else 12).
/// Passing allocates nothing. Reasons are fixed texts or name fields and non-secret values only:
/// never the PAN, track data, expiry or PIN block.
/// </summary>
public sealed class RequestValidator
{
    private static readonly int[] RequiredRequestFields = [3, 4, 7, 11, 41, 42, 49];
    private static readonly int[] RequiredReversalFields = [11, 41];

    private readonly long _maxAmount;

    /// <param name="maxAmount">The largest field 4 accepted, in minor units of the request's currency.</param>
    public RequestValidator(long maxAmount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAmount);
        _maxAmount = maxAmount;
    }

    /// <summary>Validates a 0100/0200 request or a 0400/0401 reversal; any other MTI is 12.</summary>
    public ValidationResult Validate(in IsoMessage message, DateTimeOffset now) => message.Mti switch
    {
        100 or 200 => ValidateRequest(in message, now),
        400 or 401 => ValidateReversal(in message),
        _ => ValidationResult.Reject(ResponseCodes.InvalidTransaction, $"MTI {message.Mti:D4} is not a request this switch authorizes"),
    };

    private ValidationResult ValidateRequest(in IsoMessage message, DateTimeOffset now)
    {
        if (!message.Has(2) && !message.Has(35))
        {
            return ValidationResult.Reject(ResponseCodes.FormatError, "field 2 or 35 is required");
        }

        var missing = FirstMissing(in message, RequiredRequestFields);
        if (missing != 0)
        {
            return MissingField(missing);
        }

        if (!message.TryGetInt64(3, out var processingCode) || !ProcessingCodes.IsSupported(processingCode))
        {
            return ValidationResult.Reject(ResponseCodes.InvalidTransaction, $"processing code {message.GetString(3)} is not supported");
        }

        Span<byte> pan = stackalloc byte[Track2.MaxLength];
        Span<byte> track = stackalloc byte[Track2.MaxLength];
        try
        {
            return ValidatePan(in message, pan, track, out var trackExpiry)
                ?? ValidateAmount(in message)
                ?? ValidateExpiry(in message, trackExpiry, now)
                ?? ValidateCurrency(in message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pan);
            CryptographicOperations.ZeroMemory(track);
        }
    }

    /// <summary>
    /// The PAN, and its agreement with track 2 when both are present. Leaves track 2's expiry in
    /// <paramref name="trackExpiry"/> (a slice of <paramref name="trackBuffer"/>) for the expiry rule.
    /// </summary>
    private static ValidationResult? ValidatePan(in IsoMessage message, Span<byte> panBuffer, Span<byte> trackBuffer, out ReadOnlySpan<byte> trackExpiry)
    {
        trackExpiry = default;
        if (!CardNumber.TryCopy(in message, panBuffer, out var panLength) || !CardNumber.IsValid(panBuffer[..panLength]))
        {
            return ValidationResult.Reject(ResponseCodes.InvalidCardNumber, message.Has(2)
                ? "field 2 is not a 12-19 digit Luhn-valid PAN"
                : "track 2 holds no 12-19 digit Luhn-valid PAN");
        }

        if (!message.Has(35))
        {
            return null;
        }

        if (!MessageFields.TryCopy(in message, 35, trackBuffer, out var trackLength) ||
            !Track2.TrySplit(trackBuffer[..trackLength], out var trackPan, out trackExpiry) ||
            !trackPan.SequenceEqual(panBuffer[..panLength]))
        {
            // 14, not 63: without a MAC on the terminal link the switch cannot tell tampering from a
            // terminal bug, and 63 sends terminals into key-exchange and security procedures that a
            // card-data problem does not call for. The reason lets fraud monitoring count it.
            return ValidationResult.Reject(ResponseCodes.InvalidCardNumber, "track 2 is unreadable or its PAN differs from field 2");
        }

        return null;
    }

    private ValidationResult? ValidateAmount(in IsoMessage message)
    {
        if (!message.TryGetInt64(4, out var amount) || amount <= 0)
        {
            return ValidationResult.Reject(ResponseCodes.InvalidAmount, "amount must be above zero");
        }

        return amount > _maxAmount
            ? ValidationResult.Reject(ResponseCodes.InvalidAmount, $"amount {amount} exceeds the maximum {_maxAmount}")
            : null;
    }

    /// <summary>
    /// Every expiry the request carries must hold: the keyed one (field 14) and the one read from the
    /// card (track 2); a request cannot be half expired. With neither there is nothing to check here:
    /// expiry is not a required field, and the issuer decides.
    /// </summary>
    private static ValidationResult? ValidateExpiry(in IsoMessage message, ReadOnlySpan<byte> trackExpiry, DateTimeOffset now)
    {
        if (message.Has(14))
        {
            Span<byte> keyed = stackalloc byte[4];
            var status = MessageFields.TryCopy(in message, 14, keyed, out var length) ? CardExpiry.Check(keyed[..length], now) : ExpiryStatus.Malformed;
            if (status != ExpiryStatus.Valid)
            {
                return ExpiryRejection(status, "field 14");
            }
        }

        if (message.Has(35))
        {
            var status = CardExpiry.Check(trackExpiry, now);
            if (status != ExpiryStatus.Valid)
            {
                return ExpiryRejection(status, "track 2");
            }
        }

        return null;
    }

    // A month that cannot exist gets 54 as well as a past one: the field's format is right (30 would
    // tell the terminal its software is broken), but a card whose expiry is no real month cannot be
    // inside its validity period, and networks answer an invalid expiry date with 54 too.
    private static ValidationResult ExpiryRejection(ExpiryStatus status, string source) => status == ExpiryStatus.Expired
        ? ValidationResult.Reject(ResponseCodes.ExpiredCard, $"card expired ({source})")
        : ValidationResult.Reject(ResponseCodes.ExpiredCard, $"expiry is not a valid YYMM ({source})");

    private static ValidationResult ValidateCurrency(in IsoMessage message)
    {
        Span<byte> currency = stackalloc byte[3];
        return MessageFields.TryCopy(in message, 49, currency, out var length) && length == 3 && IsCurrencyCode(currency)
            ? ValidationResult.Continue
            : ValidationResult.Reject(ResponseCodes.FormatError, "field 49 is not an ISO 4217 numeric or alphabetic code");
    }

    /// <summary>
    /// The original is found by field 90 when present, else by the STAN: a terminal that reverses
    /// without 90 repeats the original's STAN in field 11, so 11 is both required and sufficient.
    /// </summary>
    private static ValidationResult ValidateReversal(in IsoMessage message)
    {
        var missing = FirstMissing(in message, RequiredReversalFields);
        if (missing != 0)
        {
            return MissingField(missing);
        }

        if (!message.Has(90))
        {
            return ValidationResult.Continue;
        }

        Span<byte> digits = stackalloc byte[OriginalDataElements.Length];
        if (!MessageFields.TryCopy(in message, 90, digits, out var length) ||
            !OriginalDataElements.TryParse(digits[..length], out var original))
        {
            return ValidationResult.Reject(ResponseCodes.FormatError, "field 90 is not 42 digits of original data elements");
        }

        // Repeats (0101, 0201) name the same original as the first transmission would.
        return original.Mti - (original.Mti % 2) is 100 or 200
            ? ValidationResult.Continue
            : ValidationResult.Reject(ResponseCodes.InvalidTransaction, $"field 90 names an original MTI {original.Mti:D4}, not an authorization or purchase");
    }

    private static int FirstMissing(in IsoMessage message, int[] fields)
    {
        foreach (var field in fields)
        {
            if (!message.Has(field))
            {
                return field;
            }
        }

        return 0;
    }

    private static ValidationResult MissingField(int field) =>
        ValidationResult.Reject(ResponseCodes.FormatError, $"field {field} is required");

    /// <summary>Three digits (ISO 4217 numeric) or three capital letters (alphabetic); not a mix.</summary>
    private static bool IsCurrencyCode(ReadOnlySpan<byte> code) =>
        code.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0 || code.IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0;
}
