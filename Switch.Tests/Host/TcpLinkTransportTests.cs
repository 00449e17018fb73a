using System.Net;
using System.Net.Sockets;
using Serilog.Core;
using Switch.Actors.Acquirers;
using Switch.Host.Acquirers;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

public sealed class TcpLinkTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_purchase_sent_is_answered_0210_through_OnMessage()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        var events = new RecordingLinkEvents();
        await using var transport = Transport(simulator.LocalEndPoint, events);
        await ConnectAsync(transport);

        Assert.True(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 17)));

        var answer = new ReceivedMessage(await events.NextMessageAsync(), Iso87.Ascii);
        Assert.Equal(210, answer.Mti);
        Assert.Equal("00", answer[39]);
        Assert.Equal("000017", answer[11]);
    }

    [Fact]
    public async Task A_host_name_endpoint_is_resolved_and_connected()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        var events = new RecordingLinkEvents();
        await using var transport = Transport(new DnsEndPoint("localhost", simulator.LocalEndPoint.Port), events);
        await ConnectAsync(transport);

        Assert.True(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 18)));

        Assert.Equal("000018", new ReceivedMessage(await events.NextMessageAsync(), Iso87.Ascii)[11]);
    }

    [Fact]
    public async Task Five_hundred_messages_sent_from_five_threads_are_all_answered()
    {
        const int Threads = 5;
        const int PerThread = 100;
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        var events = new RecordingLinkEvents();
        await using var transport = Transport(simulator.LocalEndPoint, events);
        await ConnectAsync(transport);

        var queued = await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
            Enumerable.Range((thread * PerThread) + 1, PerThread)
                .Select(stan => transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan)))
                .ToList())));

        Assert.All(queued.SelectMany(sent => sent), Assert.True);
        var answered = new HashSet<int>();
        for (var i = 0; i < Threads * PerThread; i++)
        {
            var answer = new ReceivedMessage(await events.NextMessageAsync(), Iso87.Ascii);
            Assert.Equal("00", answer[39]);
            answered.Add(int.Parse(answer[11], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(Enumerable.Range(1, Threads * PerThread), answered.Order());
    }

    [Fact]
    public async Task An_ascii_length_header_link_speaks_to_a_simulator_configured_with_it()
    {
        var framing = new FrameOptions(LengthHeader.Ascii4);
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions { Profile = Iso87.Binary, Framing = framing });
        var events = new RecordingLinkEvents();
        await using var transport = Transport(simulator.LocalEndPoint, events, framing, Iso87.Binary);
        await ConnectAsync(transport);

        Assert.True(transport.TrySend(Purchase(Iso87.Binary, amount: 1051, stan: 8)));

        var answer = new ReceivedMessage(await events.NextMessageAsync(), Iso87.Binary);
        Assert.Equal(210, answer.Mti);
        Assert.Equal("51", answer[39]);
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_throws_and_raises_no_OnClosed()
    {
        using var notListening = LoopbackListener.Bound();
        var events = new RecordingLinkEvents();
        var transport = Transport(notListening.LocalEndPoint!, events);

        await Assert.ThrowsAsync<SocketException>(() => ConnectAsync(transport));

        Assert.False(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 1)));
        await transport.DisposeAsync();
        Assert.Equal(0, events.ClosedCount);
    }

    [Fact]
    public async Task A_cancelled_connect_throws_and_raises_no_OnClosed()
    {
        using var listener = new LoopbackListener();
        var events = new RecordingLinkEvents();
        var transport = Transport(listener.EndPoint, events);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.ConnectAsync(new CancellationToken(canceled: true)));

        await transport.DisposeAsync();
        Assert.Equal(0, events.ClosedCount);
    }

    [Fact]
    public async Task A_transport_connects_once_and_not_after_Close()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        await using var connected = Transport(simulator.LocalEndPoint, new RecordingLinkEvents());
        await ConnectAsync(connected);
        await using var closed = Transport(simulator.LocalEndPoint, new RecordingLinkEvents());
        closed.Close();

        await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(connected));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(closed));
    }

    [Fact]
    public async Task The_peer_closing_raises_OnClosed_once_with_the_reason()
    {
        using var listener = new LoopbackListener();
        var events = new RecordingLinkEvents();
        var transport = Transport(listener.EndPoint, events);
        await ConnectAsync(transport);
        using (await listener.AcceptAsync())
        {
        }

        Assert.Equal("peer closed the connection", await events.ClosedAsync());
        Assert.False(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 1)));
        await transport.DisposeAsync();
        Assert.Equal(1, events.ClosedCount);
    }

    [Fact]
    public async Task A_reset_from_the_peer_closes_with_the_receive_error()
    {
        using var listener = new LoopbackListener();
        var events = new RecordingLinkEvents();
        await using var transport = Transport(listener.EndPoint, events);
        await ConnectAsync(transport);
        using (var peer = await listener.AcceptAsync())
        {
            peer.LingerState = new LingerOption(enable: true, seconds: 0);
        }

        Assert.StartsWith("receiving failed:", await events.ClosedAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_dropping_the_link_raises_OnClosed_once()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions { Rules = new ResponseRules(disconnectRate: 1) });
        var events = new RecordingLinkEvents();
        var transport = Transport(simulator.LocalEndPoint, events);
        await ConnectAsync(transport);

        Assert.True(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 3)));

        Assert.Equal("peer closed the connection", await events.ClosedAsync());
        await transport.DisposeAsync();
        Assert.Equal(1, events.ClosedCount);
    }

    [Theory]
    [InlineData(LengthHeader.Binary2, "FFFF", "frame length 65535 exceeds the maximum 4096")]
    [InlineData(LengthHeader.Ascii4, "39393939", "frame length 9999 exceeds the maximum 4096")]
    [InlineData(LengthHeader.Ascii4, "31326162", "length header is not 4 ASCII digits")]
    [InlineData(LengthHeader.Binary2, "0010010203", "in the middle of a frame")]
    public async Task A_framing_violation_from_the_peer_closes_with_a_reason_naming_it(LengthHeader header, string bytes, string reason)
    {
        using var listener = new LoopbackListener();
        var events = new RecordingLinkEvents();
        var transport = Transport(listener.EndPoint, events, new FrameOptions(header));
        await ConnectAsync(transport);
        using (var peer = await listener.AcceptAsync())
        {
            await peer.SendAsync(Convert.FromHexString(bytes));
        }

        Assert.Contains(reason, await events.ClosedAsync(), StringComparison.Ordinal);
        await transport.DisposeAsync();
        Assert.Equal(1, events.ClosedCount);
    }

    [Fact]
    public async Task Keep_alives_are_ignored_and_each_message_arrives_exactly_sized()
    {
        using var listener = new LoopbackListener();
        var events = new RecordingLinkEvents();
        await using var transport = Transport(listener.EndPoint, events);
        await ConnectAsync(transport);
        using var peer = await listener.AcceptAsync();

        await peer.SendAsync(Convert.FromHexString("0000" + "0003414243" + "0000" + "000144"));

        Assert.Equal("ABC"u8.ToArray(), await events.NextMessageAsync());
        Assert.Equal("D"u8.ToArray(), await events.NextMessageAsync());
    }

    [Fact]
    public async Task Close_raises_OnClosed_once_and_sending_is_refused_afterwards()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        var events = new RecordingLinkEvents();
        var transport = Transport(simulator.LocalEndPoint, events);
        await ConnectAsync(transport);

        transport.Close();

        Assert.Equal("closed by the switch", await events.ClosedAsync());
        Assert.False(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 1)));
        transport.Close();
        await transport.DisposeAsync();
        Assert.Equal(1, events.ClosedCount);
        Assert.Equal(0, events.MessagesAfterClose);
    }

    [Fact]
    public async Task DisposeAsync_raises_OnClosed_once_before_it_returns()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        var events = new RecordingLinkEvents();
        var transport = Transport(simulator.LocalEndPoint, events);
        await ConnectAsync(transport);
        Assert.True(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 2)));
        await events.NextMessageAsync();

        await transport.DisposeAsync();

        Assert.True(events.IsClosed);
        Assert.Equal("closed by the switch", await events.ClosedAsync());
        Assert.False(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 3)));
        transport.Close();
        await transport.DisposeAsync();
        Assert.Equal(1, events.ClosedCount);
    }

    [Fact]
    public async Task A_message_too_long_for_the_frame_is_refused_on_the_callers_thread()
    {
        await using var simulator = StartSimulator(new AcquirerSimulatorOptions());
        await using var transport = Transport(simulator.LocalEndPoint, new RecordingLinkEvents(), new FrameOptions(maxFrame: 200));
        await ConnectAsync(transport);

        Assert.Throws<ArgumentOutOfRangeException>(() => transport.TrySend(new byte[201]));
        Assert.Throws<ArgumentOutOfRangeException>(() => transport.TrySend([]));
        Assert.True(transport.TrySend(Purchase(Iso87.Ascii, amount: 1000, stan: 4)));
    }

    private static AcquirerSimulator StartSimulator(AcquirerSimulatorOptions options)
    {
        var simulator = new AcquirerSimulator(options, Logger.None);
        simulator.Start();
        return simulator;
    }

    private static TcpLinkTransport Transport(EndPoint endpoint, RecordingLinkEvents events, FrameOptions? framing = null, IsoProfile? profile = null) =>
        new(
            new AcquirerLinkSettings(
                "acq-test",
                endpoint,
                profile ?? Iso87.Ascii,
                framing ?? FrameOptions.Default,
                Timeout: TimeSpan.FromSeconds(30),
                EchoInterval: TimeSpan.FromSeconds(30),
                ReconnectMin: TimeSpan.FromSeconds(1),
                ReconnectMax: TimeSpan.FromSeconds(30)),
            events,
            Logger.None);

    private static async Task ConnectAsync(TcpLinkTransport transport)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await transport.ConnectAsync(timeout.Token);
    }

    internal static byte[] Purchase(IsoProfile profile, long amount, int stan) =>
        FramedClient.Build(profile, 200, (ref IsoMessageWriter w) =>
        {
            w.Write(2, "4761739001010010"u8);
            w.WriteNumber(3, 0);
            w.WriteNumber(4, amount);
            w.WriteNumber(7, 1129120000);
            w.WriteNumber(11, stan);
            w.Write(37, $"11291{stan:D7}");
            w.Write(41, "T0000001"u8);
            w.Write(42, "M00000000000001"u8);
            w.Write(49, "156"u8);
        });
}
