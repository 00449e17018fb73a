using Switch.Actors.Acquirers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Actors.Acquirers;

public sealed class NetworkManagementTests
{
    public static TheoryData<string> Profiles => [Iso87.AsciiName, Iso87.BinaryName];

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_sign_on_carries_gmt_transmission_time_stan_and_code(string profileName)
    {
        var profile = profileName == Iso87.AsciiName ? Iso87.Ascii : Iso87.Binary;
        var localEvening = new DateTimeOffset(2025, 11, 29, 20, 0, 5, TimeSpan.FromHours(8));

        var signOn = IsoMessage.Parse(NetworkManagement.Request(profile, NetworkManagement.SignOn, 42, localEvening), profile);

        Assert.Equal(800, signOn.Mti);
        Assert.Equal("1129120005", signOn.GetString(7));
        Assert.Equal("000042", signOn.GetString(11));
        Assert.Equal("001", signOn.GetString(70));
        Assert.Equal([7, 11, 70], Fields(signOn));
    }

    [Fact]
    public void The_echo_answer_returns_the_keys_and_approves()
    {
        var echo = IsoMessage.Parse(NetworkManagement.Request(Iso87.Ascii, NetworkManagement.Echo, 9, DateTimeOffset.UnixEpoch), Iso87.Ascii);
        Assert.True(NetworkManagement.IsEcho(in echo));

        var answer = IsoMessage.Parse(NetworkManagement.Answer(in echo), Iso87.Ascii);

        Assert.Equal(810, answer.Mti);
        Assert.Equal("0101000000", answer.GetString(7));
        Assert.Equal("000009", answer.GetString(11));
        Assert.Equal("301", answer.GetString(70));
        Assert.True(NetworkManagement.IsApproved(in answer));
        Assert.False(NetworkManagement.IsEcho(in answer));
    }

    [Fact]
    public void The_link_stan_runs_from_1_to_999999_and_wraps()
    {
        Assert.Equal(1, new StanSequence().Next());

        var nearTheEnd = new StanSequence(999_998);
        Assert.Equal(999_999, nearTheEnd.Next());
        Assert.Equal(1, nearTheEnd.Next());
    }

    private static List<int> Fields(in IsoMessage message)
    {
        var fields = new List<int>();
        foreach (var field in message.Fields)
        {
            fields.Add(field);
        }

        return fields;
    }
}
