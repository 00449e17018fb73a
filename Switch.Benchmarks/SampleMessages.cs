using System.Buffers;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Benchmarks;

/// <summary>The traffic the benchmarks replay: a chip purchase 0200 as a terminal sends it, phone step of the challenge included.</summary>
internal static class SampleMessages
{
    public const int MaxPan = 19;
    public const int MaxTrack2 = 37;
    public const int PinBlockBytes = 8;

    public static IsoProfile[] Profiles => [Iso87.Ascii, Iso87.Binary];

    public static byte[] Purchase0200(IsoProfile profile)
    {
        Span<byte> buffer = stackalloc byte[IsoMessageWriter.DefaultCapacity];
        var writer = new IsoMessageWriter(buffer, profile, 200);
        WriteFields(ref writer, stan: 123456, amount: 12_345);
        return buffer[..writer.Complete()].ToArray();
    }

    /// <summary><paramref name="count"/> framed 0200s with distinct STANs and amounts, back to back as a peer would send them.</summary>
    public static byte[] Framed0200s(int count, IsoProfile profile, FrameOptions options)
    {
        var output = new ArrayBufferWriter<byte>();
        var tpdu = new Tpdu(0x60, 0x0001, 0x0002);
        for (var i = 0; i < count; i++)
        {
            var frame = new FrameWriter(output, options, tpdu);
            var writer = new IsoMessageWriter(frame.Payload, profile, 200);
            WriteFields(ref writer, 100_000 + i, 1_000 + (i * 7));
            frame.Complete(writer.Complete());
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteFields(ref IsoMessageWriter writer, int stan, long amount)
    {
        writer.Write(2, "4761739001010119"u8);
        writer.WriteNumber(3, 0);
        writer.WriteNumber(4, amount);
        writer.Write(7, "0612153045"u8);
        writer.WriteNumber(11, stan);
        writer.Write(12, "153045"u8);
        writer.Write(13, "0612"u8);
        writer.Write(14, "2712"u8);
        writer.Write(22, "051"u8);
        writer.Write(25, "00"u8);
        writer.Write(35, "4761739001010119=27122011143804400"u8);
        writer.Write(37, "516315000123"u8);
        writer.Write(41, "TERM0001"u8);
        writer.Write(42, "MERCHANT0000001"u8);
        writer.Write(49, "840"u8);
        writer.Write(52, [0x3A, 0x9F, 0x12, 0x07, 0xC4, 0x55, 0xE0, 0x81]);
        var tlv = new TlvWriter(writer.BeginField(ChallengeTags.Field), ChallengeTags.Field);
        tlv.Write(ChallengeTags.ChallengeId, "C7F3A91B04"u8);
        tlv.Write(ChallengeTags.Step, ChallengeTags.StepPhone);
        tlv.Write(ChallengeTags.PhoneNumber, "+14155550123"u8);
        writer.EndField(tlv.Written);
    }
}
