using BenchmarkDotNet.Attributes;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Benchmarks;

/// <summary>
/// The inbound hot path: index a 0200 and read every field the authorization needs. <see cref="Parse"/>
/// is the indexing alone, so the cost of reading the values is the difference.
/// </summary>
[MemoryDiagnoser]
public class Iso8583ParseBenchmarks
{
    private byte[] _message = [];

    [ParamsSource(nameof(Profiles))]
    public IsoProfile Profile { get; set; } = Iso87.Ascii;

    public static IEnumerable<IsoProfile> Profiles => SampleMessages.Profiles;

    [GlobalSetup]
    public void Setup()
    {
        _message = SampleMessages.Purchase0200(Profile);
        if (ParseAndReadAll() != Expected())
        {
            throw new InvalidOperationException($"the {Profile} 0200 does not read back as written");
        }
    }

    [Benchmark]
    public int Parse()
    {
        if (!IsoMessage.TryParse(_message, Profile, out var message, out var error))
        {
            throw new IsoFormatException(error);
        }

        return message.Mti;
    }

    [Benchmark]
    public long ParseAndReadAll()
    {
        if (!IsoMessage.TryParse(_message, Profile, out var message, out var error))
        {
            throw new IsoFormatException(error);
        }

        Span<byte> pan = stackalloc byte[SampleMessages.MaxPan];
        Span<byte> track2 = stackalloc byte[SampleMessages.MaxTrack2];
        Span<byte> pinBlock = stackalloc byte[SampleMessages.PinBlockBytes];
        var panLength = message.CopyValue(2, pan);
        var trackLength = message.CopyValue(35, track2);
        message.CopyValue(52, pinBlock);
        var tid = message.Raw(41);
        var mid = message.Raw(42);
        var rrn = message.Raw(37);

        long digest = message.Mti
            + pan[panLength - 1] + panLength
            + message.GetInt32(3)
            + message.GetInt64(4)
            + message.GetInt64(7)
            + message.GetInt32(11)
            + message.GetInt32(12)
            + message.GetInt32(13)
            + message.GetInt32(14)
            + message.GetInt32(22)
            + message.GetInt32(25)
            + track2[trackLength - 1] + trackLength
            + rrn[^1] + tid[^1] + mid[^1]
            + (message.ValueEquals(49, "840"u8) ? 1 : 0)
            + pinBlock[^1];

        var tlv = message.Tlv(62);
        while (tlv.TryRead(out var tag, out var value))
        {
            digest += tag[0] + value.Length;
        }

        return digest;
    }

    /// <summary>The digest of the sample 0200, term by term as <see cref="ParseAndReadAll"/> adds it, so a misread fails setup instead of timing garbage.</summary>
    private static long Expected() =>
        200 + '9' + 16 + 0 + 12_345 + 612_153_045 + 123_456 + 153_045 + 612 + 2712 + 51 + 0
        + '0' + 34 + '3' + '1' + '1' + 1 + 0x81
        + 'C' + 10 + 'S' + 5 + 'P' + 12;
}
