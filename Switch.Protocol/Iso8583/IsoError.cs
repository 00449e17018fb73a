using System.Globalization;

namespace Switch.Protocol.Iso8583;

/// <summary>
/// A precise description of what is wrong with a message: which field, at which byte offset, why;
/// and what could still be read (MTI, STAN, TID) so the switch can answer 30 rather than drop the
/// connection. Carries no field values, so it is safe to log.
/// </summary>
public sealed class IsoError
{
    /// <summary>Field number used for errors in the MTI.</summary>
    public const int MtiField = 0;
    /// <summary>Field number used for errors in the bitmap.</summary>
    public const int BitmapField = 1;

    public IsoError(IsoErrorKind kind, int field, int offset, string reason)
    {
        Kind = kind;
        Field = field;
        Offset = offset;
        Reason = reason;
    }

    public IsoErrorKind Kind { get; }
    public int Field { get; }
    public int Offset { get; }
    public string Reason { get; }

    /// <summary>The MTI, when it could be read (e.g. 200 for 0200).</summary>
    public int? Mti { get; init; }
    /// <summary>Field 11, when it was read before the error.</summary>
    public int? Stan { get; init; }
    /// <summary>Field 41, when it was read before the error.</summary>
    public string? Tid { get; init; }

    /// <summary>True when enough was read to address a format-error (30) response to the sender.</summary>
    public bool CanAnswer => Mti.HasValue && Stan.HasValue;

    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Subject}: {Reason} at offset {Offset}");

    private string Subject => Field switch
    {
        MtiField => "MTI",
        BitmapField => "bitmap",
        _ => string.Create(CultureInfo.InvariantCulture, $"field {Field}"),
    };

    public override string ToString() => Message;
}
