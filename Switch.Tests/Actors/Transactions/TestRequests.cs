using System.Text;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Actors.Transactions;

/// <summary>
/// Builds request bytes field by field, starting from a valid 0200 (the vectors' purchase) so each
/// test changes only what it is about. Parse the result where the <c>IsoMessage</c> is needed: a ref
/// struct cannot be returned from a helper that owns the bytes.
/// </summary>
internal sealed class TestRequests
{
    public const string Pan = "4761739001010010";
    public const string Tid = "T0000001";

    /// <summary>2026-11-29 12:00 UTC: the vectors' field 7 day, with the card's 2812 expiry comfortably ahead.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Profiles => new() { Iso87.AsciiName, Iso87.BinaryName };

    private readonly SortedDictionary<int, string> _fields = [];

    private TestRequests(int mti) => Mti = mti;

    public int Mti { get; private set; }

    public static TestRequests Purchase() => new TestRequests(200)
        .With(2, Pan)
        .With(3, "000000")
        .With(4, "000000001234")
        .With(7, "1129120000")
        .With(11, "000123")
        .With(14, "2812")
        .With(22, "051")
        .With(25, "00")
        .With(35, Pan + "=2812")
        .With(41, Tid)
        .With(42, "M00000000000001")
        .With(49, "156");

    /// <summary>A reversal of <see cref="Purchase"/> found by its STAN (no field 90).</summary>
    public static TestRequests Reversal() => new TestRequests(400)
        .With(2, Pan)
        .With(3, "000000")
        .With(4, "000000001234")
        .With(7, "1129120005")
        .With(11, "000123")
        .With(41, Tid)
        .With(42, "M00000000000001")
        .With(49, "156");

    public TestRequests WithMti(int mti)
    {
        Mti = mti;
        return this;
    }

    public TestRequests With(int field, string value)
    {
        _fields[field] = value;
        return this;
    }

    public TestRequests Without(params int[] fields)
    {
        foreach (var field in fields)
        {
            _fields.Remove(field);
        }

        return this;
    }

    public byte[] Build(string profileName = Iso87.AsciiName) => Build(IsoProfiles.Get(profileName));

    public byte[] Build(IsoProfile profile)
    {
        var buffer = new byte[IsoLimits.MaxMessageLength];
        var writer = new IsoMessageWriter(buffer.AsSpan(), profile, Mti);
        foreach (var (field, value) in _fields)
        {
            writer.Write(field, Encoding.ASCII.GetBytes(value));
        }

        return buffer[..writer.Complete()];
    }
}
