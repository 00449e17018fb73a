using System.Buffers;
using BenchmarkDotNet.Attributes;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Benchmarks;

/// <summary>
/// The outbound hot path: answer a 0200 with a 0210 that echoes the request's fields and carries the
/// OTP step of the challenge. A parsed message is a stack-only view, so each operation parses the
/// request as well; <see cref="Iso8583ParseBenchmarks.Parse"/> measures that part alone.
/// </summary>
[MemoryDiagnoser]
public class Iso8583WriteBenchmarks
{
    private static readonly int[] EchoedBeforeRrn = [2, 3, 4, 7, 11, 12, 13, 22, 25];
    private static readonly int[] EchoedAfterResponseCode = [41, 42, 49];

    private readonly ArrayBufferWriter<byte> _output = new(IsoMessageWriter.DefaultCapacity);
    private byte[] _request = [];

    [ParamsSource(nameof(Profiles))]
    public IsoProfile Profile { get; set; } = Iso87.Ascii;

    public static IEnumerable<IsoProfile> Profiles => SampleMessages.Profiles;

    [GlobalSetup]
    public void Setup()
    {
        _request = SampleMessages.Purchase0200(Profile);
        var length = Respond();
        var response = IsoMessage.Parse(_output.WrittenSpan, Profile);
        if (length != _output.WrittenCount || response.Mti != 210 || !response.ValueEquals(39, "00"u8) || response.GetInt32(11) != 123456)
        {
            throw new InvalidOperationException($"the {Profile} 0210 does not read back as written");
        }
    }

    [Benchmark]
    public int Respond()
    {
        _output.ResetWrittenCount();
        var request = IsoMessage.Parse(_request, Profile);
        var writer = new IsoMessageWriter(_output, Profile, 210);
        foreach (var field in EchoedBeforeRrn)
        {
            writer.Copy(in request, field);
        }

        writer.Write(37, "516315000123"u8);
        writer.Write(38, "A1B2C3"u8);
        writer.Write(39, "00"u8);
        foreach (var field in EchoedAfterResponseCode)
        {
            writer.Copy(in request, field);
        }

        var tlv = new TlvWriter(writer.BeginField(ChallengeTags.Field), ChallengeTags.Field);
        tlv.Write(ChallengeTags.ChallengeId, "C7F3A91B04"u8);
        tlv.Write(ChallengeTags.Step, ChallengeTags.StepOtp);
        tlv.Write(ChallengeTags.MaskedPhone, "*******0123"u8);
        tlv.Write(ChallengeTags.AttemptsLeft, 3);
        tlv.Write(ChallengeTags.ExpiresIn, 120);
        writer.EndField(tlv.Written);
        return writer.Complete();
    }
}
