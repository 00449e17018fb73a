using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Security;

namespace Switch.Benchmarks;

/// <summary>
/// What a keyed terminal's message costs on top of the codec: checking the MAC of a signed 0200
/// (parse included, as the entity does it), appending one to an answer, and the session key's
/// derivation at sign-on.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes the key in GlobalCleanup.")]
public class MacBenchmarks
{
    private static readonly byte[] Master = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
    private static readonly byte[] Nonce = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    private readonly byte[] _sessionKey = new byte[MacKeys.KeyLength];
    private AesCmac _key = null!;
    private byte[] _purchase = [];
    private byte[] _signed = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = new AesCmac(Convert.FromHexString("748D43FA0A0B7AD9CB63366CCD77E06D"));
        _purchase = SampleMessages.Purchase0200(Iso87.Ascii);
        _signed = MessageMac.Append(_purchase, Iso87.Ascii, _key);
        if (Verify() != MacVerdict.Valid)
        {
            throw new InvalidOperationException("the signed 0200 does not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public MacVerdict Verify()
    {
        var message = IsoMessage.Parse(_signed, Iso87.Ascii);
        return MessageMac.Verify(in message, _key);
    }

    [Benchmark]
    public int Append() => MessageMac.Append(_purchase, Iso87.Ascii, _key).Length;

    [Benchmark]
    public byte DeriveSessionKey()
    {
        MacKeys.DeriveSessionKey(Master, Nonce, _sessionKey);
        return _sessionKey[0];
    }
}
