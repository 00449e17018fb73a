using Akka.Actor;
using Serilog.Core;
using Switch.Actors.Acquirers;
using Switch.Actors.Events;
using Switch.Actors.Reversals;
using Switch.Host.Acquirers;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;
using Xunit.Abstractions;

namespace Switch.Tests.Actors.Reversals;

/// <summary>The queue behind the real link actor, over a real socket to the acquirer simulator, on the SQLite journal.</summary>
public sealed class StoreAndForwardEndToEndTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Acquirer = "acq-e2e";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public StoreAndForwardEndToEndTests(ITestOutputHelper output)
        : base(SqliteJournal.NewConfig(), output: output)
    {
    }

    [Fact]
    public async Task A_queued_reversal_reaches_the_acquirer_as_an_0400_and_its_answer_is_journaled()
    {
        await using var simulator = new AcquirerSimulator(new AcquirerSimulatorOptions(), Logger.None);
        simulator.Start();
        var link = Sys.ActorOf(AcquirerLinkActor.Props(
            new AcquirerLinkSettings(
                Acquirer,
                simulator.LocalEndPoint,
                Iso87.Ascii,
                FrameOptions.Default,
                Timeout: TimeSpan.FromSeconds(5),
                EchoInterval: TimeSpan.FromSeconds(30),
                ReconnectMin: TimeSpan.FromMilliseconds(100),
                ReconnectMax: TimeSpan.FromSeconds(1)),
            new TcpLinkTransportFactory(Logger.None)));
        var queue = Sys.ActorOf(StoreAndForwardActor.Props(
            new StoreAndForwardSettings(Acquirer, Iso87.Ascii, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), MaxInFlight: 8, SnapshotEvery: 500, AnsweredMemory: TimeSpan.FromDays(1)),
            link));

        queue.Tell(new QueueReversal(new TransactionStarted
        {
            Rrn = "633412000031",
            Request = new RequestIdentity { Mti = 200, Stan = 131, TransmissionTime = "1129120000", AmountMinor = 4321 },
            ProcessingCode = "000000",
            Currency = "156",
            Mid = "M00000000000001",
            Acquirer = Acquirer,
            Tid = "T0000001",
        }));
        ExpectMsg(new ReversalAccepted("633412000031"), Wait);

        AwaitAssert(
            () =>
            {
                var reversal = Assert.Single(simulator.Ledger.Reversals);
                Assert.Equal(("0400", "000131", "633412000031", "T0000001", 4321L, "00"), (reversal.Mti, reversal.Stan, reversal.Rrn, reversal.Tid, reversal.Amount, reversal.ResponseCode));
                Assert.Equal(
                    ["switch.events.v1.ReversalQueued", "switch.events.v1.ReversalAnswered"],
                    SqliteJournal.Manifests(Sys.Settings.Config, "reversals-" + Acquirer));
            },
            Wait);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteJournal.Delete(Sys.Settings.Config);
    }
}
