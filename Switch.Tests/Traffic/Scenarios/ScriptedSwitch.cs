using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Tests.Support;
using Switch.Traffic.Scenarios;

namespace Switch.Tests.Traffic.Scenarios;

/// <summary>
/// A fake switch on a loopback port that answers as DESIGN.md's terminal contract says, by a fixed
/// script: 0810 00 to sign-on; a purchase at the challenging merchant opens a challenge (1A PHONE),
/// the card's phone gets 1A OTP and an SMS posted to the sink, the texted code 00, a wrong one 1A OTP
/// with one attempt less and 75 at none; any other purchase is answered by its amount (…05 → 05,
/// …51 → 51, …91 never, else 00); a reversal 0410 00. It notes each request it hears.
/// </summary>
internal sealed class ScriptedSwitch : IAsyncDisposable
{
    public const int Attempts = 3;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly LoopbackListener _listener = new();
    private readonly Uri? _webhook;
    private readonly string _challengeMid;
    private readonly ConcurrentDictionary<string, Challenge> _challenges = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _heard = new();
    private readonly List<Task> _connections = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _nextChallenge;
    private long _nextRrn = 100_000_000_000;

    /// <param name="webhook">The sink's URL; null texts nothing (the codes never come).</param>
    private ScriptedSwitch(Uri? webhook, string challengeMid)
    {
        _webhook = webhook;
        _challengeMid = challengeMid;
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => _listener.EndPoint;

    public static ScriptedSwitch Start(Uri? webhook, string challengeMid = ScenarioOptions.DefaultChallengeMid) => new(webhook, challengeMid);

    /// <summary>What was heard, one line per request: <c>0200</c>, <c>0200 PN</c>, <c>0200 OT</c>, <c>0400</c>.</summary>
    public IReadOnlyList<string> Heard => [.. _heard];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync().WaitAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or TimeoutException)
            {
                if (ex is TimeoutException)
                {
                    continue;
                }

                return;
            }

            lock (_connections)
            {
                _connections.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var header = new byte[2];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(header, _stopping.Token);
                var frame = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
                await stream.ReadExactlyAsync(frame, _stopping.Token);
                var reply = await AnswerAsync(frame);
                if (reply is not null)
                {
                    var framed = new byte[reply.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                    reply.CopyTo(framed, 2);
                    await stream.WriteAsync(framed, _stopping.Token);
                }
            }
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or OperationCanceledException or SocketException)
        {
            // The terminal left or the fake stops.
        }
    }

    private async Task<byte[]?> AnswerAsync(byte[] frame)
    {
        var request = Request.Read(frame);
        switch (request.Mti)
        {
            case 800:
                return Reply(frame, 810, "00");
            case 400:
                _heard.Enqueue("0400");
                return Reply(frame, 410, "00");
        }

        if (request.Mid != _challengeMid)
        {
            _heard.Enqueue("0200");
            return (request.Amount % 100) switch
            {
                5 => Reply(frame, 210, "05"),
                51 => Reply(frame, 210, "51"),
                91 => null,
                _ => Reply(frame, 210, "00"),
            };
        }

        if (request.ChallengeId is null)
        {
            _heard.Enqueue("0200");
            var id = string.Create(CultureInfo.InvariantCulture, $"CHALLENGE{Interlocked.Increment(ref _nextChallenge):D6}");
            var code = string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.Next(1_000_000):D6}");
            _challenges[id] = new Challenge(request.Pan, code) { AttemptsLeft = Attempts };
            return Reply(frame, 210, "1A", (ref TlvWriter tlv) => Prompt(ref tlv, id, "PHONE", Attempts));
        }

        var challenge = _challenges[request.ChallengeId];
        if (request.Phone is { } phone)
        {
            _heard.Enqueue("0200 PN");
            if (phone != PhoneOf(challenge.Pan))
            {
                return Reply(frame, 210, "1A", (ref TlvWriter tlv) => Prompt(ref tlv, request.ChallengeId, "PHONE", --challenge.AttemptsLeft));
            }

            challenge.AttemptsLeft = Attempts;
            if (_webhook is not null)
            {
                using var posted = await Http.PostAsJsonAsync(_webhook, new { to = phone, text = $"Your card verification code is {challenge.Code}.", challengeId = request.ChallengeId });
                posted.EnsureSuccessStatusCode();
            }

            return Reply(frame, 210, "1A", (ref TlvWriter tlv) => Prompt(ref tlv, request.ChallengeId, "OTP", challenge.AttemptsLeft, phone));
        }

        _heard.Enqueue("0200 OT");
        if (request.Code == challenge.Code)
        {
            return Reply(frame, 210, "00");
        }

        return --challenge.AttemptsLeft == 0
            ? Reply(frame, 210, "75")
            : Reply(frame, 210, "1A", (ref TlvWriter tlv) => Prompt(ref tlv, request.ChallengeId, "OTP", challenge.AttemptsLeft, PhoneOf(challenge.Pan)));
    }

    private static string PhoneOf(string pan) =>
        ChallengeCards.Phone(int.Parse(pan.AsSpan(6, 9), CultureInfo.InvariantCulture) - ChallengeCards.FirstIndex);

    private static void Prompt(ref TlvWriter tlv, string id, string step, int attemptsLeft, string? phone = null)
    {
        tlv.Write(ChallengeTags.ChallengeId, id);
        tlv.Write(ChallengeTags.Step, step);
        if (phone is not null)
        {
            tlv.Write(ChallengeTags.MaskedPhone, Switch.Protocol.Masking.Mask.Phone(phone));
        }

        tlv.Write(ChallengeTags.AttemptsLeft, attemptsLeft);
        if (phone is not null)
        {
            tlv.Write(ChallengeTags.ExpiresIn, 300);
        }
    }

    private delegate void Field62(ref TlvWriter tlv);

    private byte[] Reply(byte[] frame, int mti, string code, Field62? field62 = null)
    {
        var request = IsoMessage.Parse(frame, Iso87.Ascii);
        var buffer = new byte[1024];
        var writer = new IsoMessageWriter(buffer, Iso87.Ascii, mti);
        foreach (var field in new[] { 2, 3, 4, 7, 11 })
        {
            writer.Copy(in request, field);
        }

        if (mti == 210 && code != "1A")
        {
            writer.WriteNumber(37, Interlocked.Increment(ref _nextRrn));
        }

        writer.Write(39, code);
        writer.Copy(in request, 41);
        if (field62 is not null)
        {
            var tlv = new TlvWriter(writer.BeginField(62), 62);
            field62(ref tlv);
            writer.EndField(tlv.Written);
        }

        writer.Copy(in request, 70);
        return buffer[..writer.Complete()];
    }

    private sealed class Challenge(string pan, string code)
    {
        public string Pan { get; } = pan;
        public string Code { get; } = code;
        public int AttemptsLeft { get; set; }
    }

    private sealed record Request(int Mti, string Pan, long Amount, string? Mid, string? ChallengeId, string? Phone, string? Code)
    {
        public static Request Read(byte[] frame)
        {
            var message = IsoMessage.Parse(frame, Iso87.Ascii);
            var tlv = message.Tlv(62);
            return new Request(
                message.Mti,
                message.Has(2) ? message.GetString(2) : string.Empty,
                message.Has(4) ? message.GetInt64(4) : 0,
                message.Has(42) ? message.GetString(42).Trim() : null,
                Tag(tlv, ChallengeTags.ChallengeId),
                Tag(tlv, ChallengeTags.PhoneNumber),
                Tag(tlv, ChallengeTags.OneTimeCode));
        }

        private static string? Tag(TlvReader tlv, ReadOnlySpan<byte> tag) => tlv.TryFind(tag, out var value) ? Encoding.ASCII.GetString(value) : null;
    }
}
