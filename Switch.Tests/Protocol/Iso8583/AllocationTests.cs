using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Tests.Protocol.Iso8583;

public sealed class AllocationTests
{
    private const int Cycles = 10_000;

    [Theory]
    [InlineData(Iso87.AsciiName)]
    [InlineData(Iso87.BinaryName)]
    public void Parse_read_all_fields_and_write_of_a_0200_allocates_nothing(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var request = Vectors.WritePurchase(profile);
        var output = new ArrayBufferWriter<byte>(4096);
        Cycle(request, profile, output);

        var before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = 0;
        for (var i = 0; i < Cycles; i++)
        {
            checksum += Cycle(request, profile, output);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(Cycles * Cycle(request, profile, output), checksum);
    }

    /// <summary>Parses the 0200, reads every field the switch uses, and writes the 0210 reply with a field 62 TLV.</summary>
    private static long Cycle(byte[] request, IsoProfile profile, ArrayBufferWriter<byte> output)
    {
        var message = IsoMessage.Parse(request, profile);
        Span<byte> pan = stackalloc byte[19];
        Span<byte> track = stackalloc byte[37];
        Span<byte> pin = stackalloc byte[8];
        long sum = message.Mti;
        sum += message.CopyValue(2, pan);
        sum += message.GetInt32(3) + message.GetInt64(4) + message.GetInt64(7) + message.GetInt32(11);
        sum += message.GetInt32(14) + message.GetInt32(22) + message.GetInt32(25);
        sum += message.CopyValue(35, track);
        sum += message.Raw(41).Length + message.Raw(42).Length + message.Raw(49)[0];
        sum += message.CopyValue(52, pin);

        output.ResetWrittenCount();
        var writer = new IsoMessageWriter(output, profile, message.Mti + 10);
        writer.Copy(in message, 2);
        writer.Copy(in message, 3);
        writer.Copy(in message, 4);
        writer.Copy(in message, 7);
        writer.Copy(in message, 11);
        writer.Write(37, "333412000001"u8);
        writer.Write(38, "123456"u8);
        writer.Write(39, "00"u8);
        writer.Copy(in message, 41);
        writer.Copy(in message, 42);
        writer.Copy(in message, 49);
        var tlv = new TlvWriter(writer.BeginField(62), 62);
        tlv.Write(ChallengeTags.ChallengeId, "C0000001"u8);
        tlv.Write(ChallengeTags.AttemptsLeft, 3);
        writer.EndField(tlv.Written);
        return sum + writer.Complete();
    }
}
