using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Acquirers;

/// <summary>The 0800/0810 exchanges of a link: its own sign-on and echo, and the answer to the acquirer's echo.</summary>
internal static class NetworkManagement
{
    public const int SignOn = 1;
    public const int Echo = 301;

    private const int RequestMti = 800;
    private const int ResponseMti = 810;
    private const int TransmissionDateTimeField = 7;
    private const int Stan = 11;
    private const int ResponseCode = 39;
    private const int Tid = 41;
    private const int Code = 70;

    // Fields 7, 11, 39, 41 and 70 take under 100 bytes in any ISO 87 profile.
    private const int MaxLength = 256;

    /// <summary>An 0800 with 7 (from <paramref name="now"/>), 11 and 70.</summary>
    public static byte[] Request(IsoProfile profile, int code, int stan, DateTimeOffset now)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var writer = new IsoMessageWriter(buffer, profile, RequestMti);
        writer.WriteNumber(TransmissionDateTimeField, TransmissionDateTime.Of(now));
        writer.WriteNumber(Stan, stan);
        writer.WriteNumber(Code, code);
        return buffer[..writer.Complete()].ToArray();
    }

    /// <summary>The 0810 to an acquirer's echo: its 7, 11, 41 and 70 returned, 39 = 00.</summary>
    public static byte[] Answer(in IsoMessage request)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var writer = new IsoMessageWriter(buffer, request.Profile, ResponseMti);
        writer.Copy(in request, TransmissionDateTimeField);
        writer.Copy(in request, Stan);
        writer.Write(ResponseCode, "00"u8);
        writer.Copy(in request, Tid);
        writer.Copy(in request, Code);
        return buffer[..writer.Complete()].ToArray();
    }

    public static bool IsEcho(in IsoMessage request) =>
        request.Mti == RequestMti && request.TryGetInt64(Code, out var code) && code == Echo;

    public static bool IsApproved(in IsoMessage response) => response.ValueEquals(ResponseCode, "00"u8);
}
