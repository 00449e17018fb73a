using System.Net;
using System.Net.Http.Json;
using System.Text;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Traffic.Sms;

namespace Switch.Tests.Support;

/// <summary>A cardholder at a terminal going through the challenge over a real connection (which it owns), with the SMS sink as the phone.</summary>
internal sealed class ChallengeClient : IAsyncDisposable
{
    public const string Phone = "13812345678";

    private readonly FramedClient _terminal;
    private readonly string _tid;
    private readonly string _pan;
    private int _stan;

    public ChallengeClient(FramedClient terminal, string tid, string pan, int firstStan)
    {
        _terminal = terminal;
        _tid = tid;
        _pan = pan;
        _stan = firstStan;
    }

    /// <summary>A Luhn-valid test PAN of the 476173 BIN, one per <paramref name="n"/>.</summary>
    public static string Pan(int n)
    {
        var payload = $"476173900{n:D6}";
        return payload + (char)Luhn.CheckDigit(Encoding.ASCII.GetBytes(payload));
    }

    public static async Task BindAsync(HttpClient admin, string pan, string phone = Phone, bool consent = false)
    {
        using var response = await admin.PostAsJsonAsync("/api/card-bindings", new { pan, phone, consent });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => _terminal.DisposeAsync();

    public async Task SignOnAsync()
    {
        await _terminal.SendRawAsync(TerminalMessages.SignOn(_tid, _stan++));
        Assert.Equal("00", (await _terminal.ReceiveMessageAsync())[39]);
    }

    /// <summary>The purchase, or its next step when <paramref name="field62"/> is given; a new STAN each time.</summary>
    public async Task<ReceivedMessage> PurchaseAsync(long amount, byte[]? field62 = null, TimeSpan? wait = null)
    {
        await _terminal.SendRawAsync(TerminalMessages.Purchase(_tid, _stan++, amount, new PurchaseOptions { Pan = _pan, Challenge = field62 }));
        return await _terminal.ReceiveMessageAsync(wait);
    }

    /// <summary>Field 62 of a 1A, tag by tag.</summary>
    public static Dictionary<string, string> Tags(ReceivedMessage reply)
    {
        Assert.Equal("1A", reply[39]);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new TlvReader(reply.Message.Raw(ChallengeTags.Field));
        while (reader.TryRead(out var tag, out var value))
        {
            tags[Encoding.ASCII.GetString(tag)] = Encoding.ASCII.GetString(value);
        }

        Assert.Null(reader.Error);
        return tags;
    }

    /// <summary>Purchase, right phone, the texted code: the final answer, and the challenge id.</summary>
    public async Task<(ReceivedMessage First, ReceivedMessage Final, string ChallengeId)> PassAsync(long amount, SmsSink sms)
    {
        var first = await PurchaseAsync(amount);
        var challengeId = Tags(first)["CI"];
        Assert.Equal("OTP", Tags(await PurchaseAsync(amount, TerminalMessages.ChallengeStep(challengeId, phone: Phone)))["ST"]);
        var code = await sms.WaitForCodeAsync(challengeId, TimeSpan.FromSeconds(15));
        Assert.NotNull(code);
        return (first, await PurchaseAsync(amount, TerminalMessages.ChallengeStep(challengeId, code: code)), challengeId);
    }
}
