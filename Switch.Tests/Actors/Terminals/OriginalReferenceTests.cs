using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

public sealed class OriginalReferenceTests
{
    private const long Sent = 1129120000;

    [Fact]
    public void Field_90_names_the_original_exactly_and_a_repeat_mti_as_its_first()
    {
        var reference = Of(stan: 9, amount: 500, field90: new OriginalDataElements(201, 7, Sent, 0, 0).ToDigits());

        Assert.Equal(OriginalReference.ExactMatch, reference.Rank(Key(200, stan: 7, Sent, amount: 1000)));
        Assert.Equal(OriginalReference.NoMatch, reference.Rank(Key(100, stan: 7, Sent, amount: 1000)));
        Assert.Equal(OriginalReference.NoMatch, reference.Rank(Key(200, stan: 7, Sent + 1, amount: 1000)));
        Assert.Equal(OriginalReference.NoMatch, reference.Rank(Key(200, stan: 9, Sent, amount: 500)));
    }

    [Fact]
    public void Without_field_90_the_stan_finds_it_a_different_amount_rules_it_out_and_field_7_prefers()
    {
        var reference = Of(stan: 7, amount: 1000);

        Assert.Equal(OriginalReference.ExactMatch, reference.Rank(Key(200, stan: 7, Sent, amount: 1000)));
        Assert.Equal(OriginalReference.StanMatch, reference.Rank(Key(100, stan: 7, Sent - 100, amount: 1000)));
        Assert.Equal(OriginalReference.NoMatch, reference.Rank(Key(200, stan: 7, Sent, amount: 999)));
        Assert.Equal(OriginalReference.NoMatch, reference.Rank(Key(200, stan: 8, Sent, amount: 1000)));
    }

    [Fact]
    public void Without_an_amount_any_amount_fits()
    {
        var reference = Of(stan: 7, amount: null);

        Assert.Equal(OriginalReference.ExactMatch, reference.Rank(Key(200, stan: 7, Sent, amount: 1234)));
    }

    private static DuplicateKey Key(int mti, int stan, long sent, long amount) => DuplicateKey.WithinTerminal(mti, stan, sent, amount);

    private static OriginalReference Of(int stan, long? amount, string? field90 = null)
    {
        var bytes = FramedClient.Build(Iso87.Ascii, 400, (ref IsoMessageWriter w) =>
        {
            if (amount is { } value)
            {
                w.WriteNumber(4, value);
            }

            w.WriteNumber(7, Sent);
            w.WriteNumber(11, stan);
            w.Write(41, "T0000001");
            if (field90 is not null)
            {
                w.Write(90, field90);
            }
        });
        var message = IsoMessage.Parse(bytes, Iso87.Ascii);
        return OriginalReference.Of(in message);
    }
}
