using Switch.Actors.Acquirers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Acquirers;

public sealed class AcquirerMatchKeyTests
{
    [Theory]
    [InlineData(200, 210)]
    [InlineData(100, 110)]
    [InlineData(400, 410)]
    [InlineData(401, 410)]
    [InlineData(500, 510)]
    [InlineData(800, 810)]
    public void A_response_has_its_requests_key(int request, int response)
    {
        Assert.Equal(Key(request, "T0000001", 123), Key(response, "T0000001", 123));
        Assert.False(AcquirerMatchKey.IsResponse(request));
        Assert.True(AcquirerMatchKey.IsResponse(response));
    }

    [Fact]
    public void Terminal_stan_and_message_class_all_tell_keys_apart()
    {
        var key = Key(200, "T0000001", 123);

        Assert.NotEqual(key, Key(200, "T0000002", 123));
        Assert.NotEqual(key, Key(200, "T0000001", 124));
        Assert.NotEqual(key, Key(400, "T0000001", 123));
    }

    [Fact]
    public void The_terminal_is_trimmed_and_the_key_reads_as_mti_tid_stan()
    {
        Assert.Equal("0200/TERM7/000008", Key(210, "TERM7", 8).ToString());
        Assert.Equal(Key(200, "TERM7", 8), Key(200, " TERM7", 8));
    }

    [Fact]
    public void Both_profiles_give_the_same_key()
    {
        Assert.Equal(Key(200, "T0000001", 99, Iso87.Ascii), Key(210, "T0000001", 99, Iso87.Binary));
    }

    [Fact]
    public void A_message_without_a_terminal_is_keyed_by_its_stan()
    {
        var signOn = FramedClient.Build(Iso87.Ascii, 800, (ref IsoMessageWriter w) => w.WriteNumber(11, 1));

        Assert.True(AcquirerMatchKey.TryRead(IsoMessage.Parse(signOn, Iso87.Ascii), out var key));
        Assert.Equal("0800//000001", key.ToString());
    }

    [Fact]
    public void A_message_without_a_stan_has_no_key()
    {
        var message = FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) => w.Write(41, "T0000001"));

        Assert.False(AcquirerMatchKey.TryRead(IsoMessage.Parse(message, Iso87.Ascii), out _));
    }

    private static AcquirerMatchKey Key(int mti, string tid, int stan, IsoProfile? profile = null)
    {
        profile ??= Iso87.Ascii;
        var message = FramedClient.Build(profile, mti, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(11, stan);
            w.Write(41, tid);
        });
        Assert.True(AcquirerMatchKey.TryRead(IsoMessage.Parse(message, profile), out var key));
        return key;
    }
}
