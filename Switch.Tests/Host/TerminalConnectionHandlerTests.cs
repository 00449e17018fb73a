using System.Net;
using Akka.Actor;
using Akka.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Switch.Actors.Terminals;
using Switch.Host.Configuration;
using Switch.Host.Terminals;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Host;

public sealed class TerminalConnectionHandlerTests : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    private readonly List<WebApplication> _apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_request_reaches_its_terminal_entity_and_the_reply_comes_back_framed()
    {
        var (endpoint, terminals) = await StartAsync(FrameOptions.Default);
        await using var terminal = await FramedClient.ConnectAsync(endpoint);

        await terminal.SendAsync(800, SignOn(stan: 1, tid: "T0000001"));

        var request = terminals.ExpectMsg<TerminalRequest>();
        Assert.Equal("T0000001", request.TerminalId);
        Assert.Equal(800, IsoMessage.Parse(request.Message, Iso87.Ascii).Mti);
        var reply = FramedClient.Build(Iso87.Ascii, 810, (ref IsoMessageWriter w) => w.Write(39, "00"u8));
        request.ReplyTo.Tell(new TerminalReply(reply, request.Tpdu), ActorRefs.NoSender);
        Assert.Equal(reply, await terminal.ReceiveAsync());
    }

    [Fact]
    public async Task With_tpdu_framing_the_reply_carries_the_request_tpdu_swapped()
    {
        var framing = new FrameOptions(LengthHeader.Binary2, tpdu: true);
        var (endpoint, terminals) = await StartAsync(framing);
        await using var terminal = await FramedClient.ConnectAsync(endpoint, framing: framing);
        var sent = new Tpdu(0x60, Destination: 0x0001, Source: 0x0203);

        await terminal.SendRawAsync(FramedClient.Build(Iso87.Ascii, 800, SignOn(stan: 2, tid: "T0000002")), sent);

        var request = terminals.ExpectMsg<TerminalRequest>();
        Assert.Equal(sent, request.Tpdu);
        request.ReplyTo.Tell(new TerminalReply([.. "0810"u8, 0, 0, 0, 0, 0, 0, 0, 0], request.Tpdu), ActorRefs.NoSender);
        var (_, received) = await terminal.ReceiveWithTpduAsync();
        Assert.Equal(sent.Swapped(), received);
    }

    [Fact]
    public async Task An_identifiable_malformed_message_is_answered_30_and_the_connection_stays()
    {
        var (endpoint, terminals) = await StartAsync(FrameOptions.Default);
        await using var terminal = await FramedClient.ConnectAsync(endpoint);
        var bad = FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(11, 4711);
            w.Write(35, "4761739001010010=2812"u8);
            w.Write(41, "T0000003"u8);
        });
        bad[Array.IndexOf(bad, (byte)'=')] = (byte)'X';

        await terminal.SendRawAsync(bad);

        var answer = await terminal.ReceiveMessageAsync();
        Assert.Equal(210, answer.Mti);
        Assert.Equal("30", answer[39]);
        Assert.Equal("004711", answer[11]);

        // Requests of one connection are told in order, so if the bad one had been forwarded it would come first.
        await terminal.SendAsync(800, SignOn(stan: 3, tid: "T0000003"));
        Assert.Equal(3, IsoMessage.Parse(terminals.ExpectMsg<TerminalRequest>().Message, Iso87.Ascii).GetInt32(11));
    }

    [Fact]
    public async Task A_message_without_a_terminal_id_is_answered_30()
    {
        var (endpoint, terminals) = await StartAsync(FrameOptions.Default);
        await using var terminal = await FramedClient.ConnectAsync(endpoint);

        await terminal.SendAsync(800, (ref IsoMessageWriter w) => w.WriteNumber(11, 9));

        var answer = await terminal.ReceiveMessageAsync();
        Assert.Equal("30", answer[39]);
        Assert.Equal("000009", answer[11]);

        await terminal.SendAsync(800, SignOn(stan: 10, tid: "T0000009"));
        Assert.Equal(10, IsoMessage.Parse(terminals.ExpectMsg<TerminalRequest>().Message, Iso87.Ascii).GetInt32(11));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("oversized")]
    public async Task Bad_input_closes_only_that_connection(string kind)
    {
        var (endpoint, terminals) = await StartAsync(FrameOptions.Default);
        await using var good = await FramedClient.ConnectAsync(endpoint);
        await using var bad = await FramedClient.ConnectAsync(endpoint);

        if (kind == "garbage")
        {
            await bad.SendRawAsync("hello, switch"u8.ToArray());
        }
        else
        {
            await bad.SendBytesAsync(new byte[] { 0xFF, 0xFF, 1, 2, 3 });
        }

        Assert.Null(await bad.ReceiveAsync());
        await good.SendAsync(800, SignOn(stan: 4, tid: "T0000004"));
        Assert.Equal("T0000004", terminals.ExpectMsg<TerminalRequest>().TerminalId);
    }

    private async Task<(IPEndPoint Endpoint, TestProbe Terminals)> StartAsync(FrameOptions framing)
    {
        var terminals = CreateTestProbe();
        var settings = new TerminalListenerSettings(new IPEndPoint(IPAddress.Loopback, 0), Iso87.Ascii, framing, TimeSpan.FromMinutes(5), 1000, TimeSpan.FromHours(24), 1000, TimeSpan.FromMinutes(10), MaxAmount: 100_000_000,
            new TerminalLimits(20_000, 0, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), 10), DrainTimeout: TimeSpan.FromSeconds(10));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(new TerminalPort(settings, Sys, terminals.Ref));
        builder.Services.AddSingleton<Serilog.ILogger>(Serilog.Core.Logger.None);
        ListenOptions? listen = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, options =>
        {
            listen = options;
            options.UseConnectionHandler<TerminalConnectionHandler>();
        }));
        var app = builder.Build();
        _apps.Add(app);
        await app.StartAsync();
        return ((IPEndPoint)listen!.EndPoint, terminals);
    }

    private static MessageBuilder SignOn(int stan, string tid) => (ref IsoMessageWriter w) =>
    {
        w.WriteNumber(7, 1129120000);
        w.WriteNumber(11, stan);
        w.Write(41, tid);
        w.WriteNumber(70, 1);
    };
}
