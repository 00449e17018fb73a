using System.Globalization;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Acquirers;

/// <summary>
/// What ties a response to its request on a link, as jPOS's QMUX does: terminal id (field 41,
/// trimmed) and STAN (field 11) within the request's message class, so 0210 answers 0200 and 0410
/// answers 0400 or 0401 of the same terminal and STAN. Numbers only, so keying allocates nothing.
/// </summary>
public readonly record struct AcquirerMatchKey
{
    private const int StanField = 11;
    private const int TidField = 41;

    // ISO 8583:1987 field 41 is ans8: the characters fit one ulong, and none of them is a zero byte.
    private const int MaxTidLength = sizeof(ulong);

    private readonly ulong _tid;

    private AcquirerMatchKey(int mti, ulong tid, int stan)
    {
        RequestMti = mti / 20 * 20;
        _tid = tid;
        Stan = stan;
    }

    /// <summary>The request's MTI without origin: 200 for 0200 and 0210, 400 for 0400, 0401 and 0410.</summary>
    public int RequestMti { get; }

    public int Stan { get; }

    /// <summary>Responses have an odd function digit (0210, 0410, 0810; 0230 for advices).</summary>
    public static bool IsResponse(int mti) => mti / 10 % 2 == 1;

    /// <summary>The key of a request or response; false without a STAN, or with a TID longer than 8 characters.</summary>
    public static bool TryRead(in IsoMessage message, out AcquirerMatchKey key)
    {
        key = default;
        var length = message.Length(TidField);
        if (!message.TryGetInt64(StanField, out var stan) || stan > int.MaxValue || length > MaxTidLength)
        {
            return false;
        }

        Span<byte> tid = stackalloc byte[MaxTidLength];
        ulong packed = 0;
        foreach (var c in tid[..message.CopyValue(TidField, tid)].Trim((byte)' '))
        {
            packed = (packed << 8) | c;
        }

        key = new AcquirerMatchKey(message.Mti, packed, (int)stan);
        return true;
    }

    /// <summary>The key of the link's own 0800s, which carry no terminal.</summary>
    internal static AcquirerMatchKey NetworkManagement(int stan) => new(800, 0, stan);

    /// <summary>Request MTI, TID and STAN: <c>0200/T0000001/000123</c>. Safe to log.</summary>
    public override string ToString()
    {
        Span<char> tid = stackalloc char[MaxTidLength];
        var length = 0;
        for (var shift = 56; shift >= 0; shift -= 8)
        {
            var c = (byte)(_tid >> shift);
            if (c != 0)
            {
                tid[length++] = (char)c;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{RequestMti:D4}/{(ReadOnlySpan<char>)tid[..length]}/{Stan:D6}");
    }
}
