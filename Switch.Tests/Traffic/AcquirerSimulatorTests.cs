using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Traffic;

public sealed class AcquirerSimulatorTests : IAsyncLifetime
{
    private readonly string _ledgerPath = Path.Combine(Path.GetTempPath(), $"acq-ledger-{Guid.NewGuid():N}.jsonl");
    private AcquirerSimulator _simulator = null!;

    public Task InitializeAsync()
    {
        _simulator = Start(new AcquirerSimulatorOptions { LedgerPath = _ledgerPath });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        File.Delete(_ledgerPath);
    }

    [Fact]
    public async Task Sign_on_is_answered_0810_approved()
    {
        await using var link = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await link.SendAsync(800, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(7, 1129120000);
            w.WriteNumber(11, 1);
            w.WriteNumber(70, 1);
        });

        var answer = await link.ReceiveMessageAsync();
        Assert.Equal(810, answer.Mti);
        Assert.Equal("00", answer[39]);
        Assert.Equal("000001", answer[11]);
        Assert.Equal("001", answer[70]);
    }

    [Fact]
    public async Task A_purchase_is_approved_with_a_six_digit_auth_code_and_echoes_the_keys()
    {
        await using var link = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await link.SendAsync(200, Purchase(1000, stan: 17));

        var answer = await link.ReceiveMessageAsync();
        Assert.Equal(210, answer.Mti);
        Assert.Equal("00", answer[39]);
        Assert.Matches("^[0-9]{6}$", answer[38]);
        Assert.Equal("000017", answer[11]);
        Assert.Equal("T0000001", answer[41]);
        Assert.Equal("112912000017", answer[37]);
        Assert.Equal("000000001000", answer[4]);
    }

    [Theory]
    [InlineData(1051, "51")]
    [InlineData(2005, "05")]
    public async Task Declines_follow_the_amount_and_carry_no_auth_code(long amount, string code)
    {
        await using var link = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await link.SendAsync(100, Purchase(amount, stan: 5));

        var answer = await link.ReceiveMessageAsync();
        Assert.Equal(110, answer.Mti);
        Assert.Equal(code, answer[39]);
        Assert.False(answer.Has(38));
    }

    [Fact]
    public async Task An_amount_ending_in_91_is_never_answered_while_later_requests_are()
    {
        await using var link = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await link.SendAsync(200, Purchase(10091, stan: 1));
        await link.SendAsync(200, Purchase(10000, stan: 2));

        var answer = await link.ReceiveMessageAsync();
        Assert.Equal("000002", answer[11]);

        var silent = Assert.Single(_simulator.Ledger.Entries, e => e.Stan == "000001");
        Assert.Null(silent.ResponseCode);
        Assert.Equal(10091, silent.Amount);
    }

    [Fact]
    public async Task Reversals_and_their_repeats_are_answered_and_recorded()
    {
        await using var link = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await link.SendAsync(400, Purchase(1000, stan: 9));
        await link.SendAsync(401, Purchase(1000, stan: 9));

        Assert.Equal(410, (await link.ReceiveMessageAsync()).Mti);
        var repeat = await link.ReceiveMessageAsync();
        Assert.Equal(410, repeat.Mti);
        Assert.Equal("00", repeat[39]);

        Assert.Equal(["0400", "0401"], _simulator.Ledger.Reversals.Select(r => r.Mti));
        Assert.All(_simulator.Ledger.Reversals, r => Assert.Equal("112912000009", r.Rrn));
    }

    [Fact]
    public async Task The_ledger_file_has_one_json_line_per_message_with_the_contract_keys()
    {
        await using (var link = await FramedClient.ConnectAsync(_simulator.LocalEndPoint))
        {
            await link.SendAsync(200, Purchase(1234, stan: 3));
            await link.ReceiveMessageAsync();
            await link.SendAsync(200, Purchase(5591, stan: 4));
            await link.SendAsync(800, (ref IsoMessageWriter w) => w.WriteNumber(11, 5));
            await link.ReceiveMessageAsync();
        }

        await _simulator.DisposeAsync();
        var lines = await File.ReadAllLinesAsync(_ledgerPath);

        Assert.Equal(3, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(["at", "mti", "stan", "rrn", "tid", "amount", "responseCode"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0200", root.GetProperty("mti").GetString());
        Assert.Equal("000003", root.GetProperty("stan").GetString());
        Assert.Equal("112912000003", root.GetProperty("rrn").GetString());
        Assert.Equal("T0000001", root.GetProperty("tid").GetString());
        Assert.Equal(1234, root.GetProperty("amount").GetInt64());
        Assert.Equal("00", root.GetProperty("responseCode").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("at").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        using var silent = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, silent.RootElement.GetProperty("responseCode").ValueKind);
    }

    [Fact]
    public async Task The_binary_profile_with_ascii_length_headers_is_spoken_when_configured()
    {
        var framing = new FrameOptions(LengthHeader.Ascii4);
        await using var simulator = Start(new AcquirerSimulatorOptions { Profile = Iso87.Binary, Framing = framing });
        await using var link = await FramedClient.ConnectAsync(simulator.LocalEndPoint, Iso87.Binary, framing);
        await link.SendAsync(200, Purchase(1051, stan: 8));

        var answer = await link.ReceiveMessageAsync();
        Assert.Equal(210, answer.Mti);
        Assert.Equal("51", answer[39]);
    }

    [Fact]
    public async Task Garbage_closes_only_that_link()
    {
        await using var good = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await using var bad = await FramedClient.ConnectAsync(_simulator.LocalEndPoint);
        await bad.SendRawAsync("garbage!"u8.ToArray());

        Assert.Null(await bad.ReceiveAsync());
        await good.SendAsync(200, Purchase(700, stan: 11));
        Assert.Equal("00", (await good.ReceiveMessageAsync())[39]);
    }

    [Fact]
    public async Task A_disconnect_fault_drops_the_link_without_answering()
    {
        await using var simulator = Start(new AcquirerSimulatorOptions { Rules = new ResponseRules(disconnectRate: 1) });
        await using var link = await FramedClient.ConnectAsync(simulator.LocalEndPoint);
        await link.SendAsync(200, Purchase(700, stan: 12));

        Assert.Null(await link.ReceiveAsync());
        Assert.Single(simulator.Ledger.Entries);
    }

    [Fact]
    public async Task A_late_answer_fault_answers_after_the_delay_and_behind_no_other_answer()
    {
        var rules = new ResponseRules { Fault = LinkFault.AnswerLate };
        // The delay runs on a clock the test moves, so a slow machine cannot let it pass early.
        var time = new FakeTimeProvider();
        await using var simulator = new AcquirerSimulator(new AcquirerSimulatorOptions { Rules = rules, LateAnswerDelay = TimeSpan.FromSeconds(1) }, Logger.None, time);
        simulator.Start();
        await using var link = await FramedClient.ConnectAsync(simulator.LocalEndPoint);
        await link.SendAsync(200, Purchase(700, stan: 13));
        await Eventually.AssertAsync(() => Assert.Single(simulator.Ledger.Entries));
        rules.Fault = null;
        await link.SendAsync(200, Purchase(800, stan: 14));

        Assert.Equal("000014", (await link.ReceiveMessageAsync())[11]);
        time.Advance(TimeSpan.FromSeconds(1));
        var late = await link.ReceiveMessageAsync();
        Assert.Equal("000013", late[11]);
        Assert.Equal("00", late[39]);
    }

    [Fact]
    public async Task A_cut_mid_frame_fault_sends_half_of_the_answer_s_frame_then_closes()
    {
        await using var simulator = Start(new AcquirerSimulatorOptions { Rules = new ResponseRules { Fault = LinkFault.CutMidFrame } });

        var received = await RawExchangeAsync(simulator, Purchase(700, stan: 15));

        var length = BinaryPrimitives.ReadUInt16BigEndian(received);
        Assert.InRange(received.Length, 6, length + 1);
        Assert.Equal("0210"u8.ToArray(), received[2..6]);
    }

    [Fact]
    public async Task A_garbage_fault_answers_bytes_no_framing_can_read_and_records_no_answer()
    {
        await using var simulator = Start(new AcquirerSimulatorOptions { Rules = new ResponseRules { Fault = LinkFault.Garbage } });

        var received = await RawExchangeAsync(simulator, Purchase(700, stan: 16), closeAfter: 8);

        Assert.Equal([0xFF, 0xFF], received[..2]);
        Assert.Null(Assert.Single(simulator.Ledger.Entries).ResponseCode);
    }

    /// <summary>Sends one framed request on a plain socket and returns the bytes that come back until the peer closes (or <paramref name="closeAfter"/> arrived).</summary>
    [Fact]
    public void Requiring_client_certificates_without_serving_TLS_is_refused()
    {
        using var files = new TlsFiles();

        var refused = Assert.Throws<ArgumentException>(() => new AcquirerSimulator(new AcquirerSimulatorOptions { ClientCa = [files.Authority.Certificate] }, Logger.None));

        Assert.Contains("ClientCa", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> RawExchangeAsync(AcquirerSimulator simulator, MessageBuilder request, int closeAfter = int.MaxValue)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(simulator.LocalEndPoint);
        var message = FramedClient.Build(Iso87.Ascii, 200, request);
        var frame = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.CopyTo(frame, 2);
        await socket.SendAsync(frame);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (received.Count < closeAfter)
        {
            var read = await socket.ReceiveAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        return [.. received];
    }

    private static AcquirerSimulator Start(AcquirerSimulatorOptions options)
    {
        var simulator = new AcquirerSimulator(options, Logger.None);
        simulator.Start();
        return simulator;
    }

    private static MessageBuilder Purchase(long amount, int stan) => (ref IsoMessageWriter w) =>
    {
        w.Write(2, "4761739001010010"u8);
        w.WriteNumber(3, 0);
        w.WriteNumber(4, amount);
        w.WriteNumber(7, 1129120000);
        w.WriteNumber(11, stan);
        w.Write(37, $"1129120000{stan:D2}");
        w.Write(41, "T0000001"u8);
        w.Write(42, "M00000000000001"u8);
        w.Write(49, "156"u8);
    };
}
