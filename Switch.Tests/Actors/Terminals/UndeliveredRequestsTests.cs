using Akka.Actor;
using Akka.Event;
using Switch.Actors.Cards;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

public sealed class UndeliveredRequestsTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Merchant Shop = new("M00000000000001", "Demo Shop", "5411", "CN", ChallengePolicy.Risk);

    public UndeliveredRequestsTests()
        : base("""
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            """)
    {
        // A test actor ref starts (and subscribes) before the constructor returns.
        ActorOfAsTestActorRef<UndeliveredRequests>(UndeliveredRequests.Props(Iso87.Ascii));
    }

    [Fact]
    public void A_terminal_request_in_dead_letters_is_answered_96_on_its_connection()
    {
        var connection = CreateTestProbe();
        var tpdu = new Tpdu(0x60, 0x0001, 0x0002);
        var request = new TerminalRequest("T0000001", TerminalMessages.Purchase("T0000001", stan: 42, amount: 1000), tpdu, connection.Ref);

        Sys.EventStream.Publish(new DeadLetter(request, ActorRefs.Nobody, TestActor));

        var reply = connection.ExpectMsg<TerminalReply>();
        var message = new ReceivedMessage(reply.Message, Iso87.Ascii);
        Assert.Equal((210, "96", "000042"), (message.Mti, message[39], message[11]));
        Assert.Equal(tpdu, reply.Tpdu);
    }

    [Fact]
    public void A_dropped_terminal_request_from_a_full_shard_buffer_is_answered_96_too()
    {
        var connection = CreateTestProbe();
        var request = new TerminalRequest("T0000001", TerminalMessages.SignOn("T0000001", stan: 7), default, connection.Ref);

        Sys.EventStream.Publish(new Dropped(request, "Buffer for [T0000001] is full", ActorRefs.Nobody, TestActor));

        var message = new ReceivedMessage(connection.ExpectMsg<TerminalReply>().Message, Iso87.Ascii);
        Assert.Equal((810, "96"), (message.Mti, message[39]));
    }

    [Fact]
    public void A_request_dropped_on_its_way_to_another_node_is_not_answered_here()
    {
        var connection = CreateTestProbe();
        var deadNode = ((ExtendedActorSystem)Sys).Provider.ResolveActorRef("akka.tcp://switch@127.0.0.1:9/system/sharding/terminal/18/T0000001");
        var retransmission = new TerminalRequest("T0000001", TerminalMessages.Purchase("T0000001", stan: 42, amount: 1000), default, connection.Ref);

        Sys.EventStream.Publish(new DeadLetter(retransmission, ActorRefs.Nobody, deadNode));

        connection.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_transaction_whose_card_message_was_dropped_is_told_the_card_is_unreachable()
    {
        var transaction = CreateTestProbe();
        var step = new TakeChallengeStep("card-token", "ABCD", "T0000001", ChallengeInput.None, 1000, Shop, DateTimeOffset.UnixEpoch);

        Sys.EventStream.Publish(new DeadLetter(step, transaction.Ref, TestActor));

        transaction.ExpectMsg<CardUnreachable>();
    }

    [Fact]
    public void Other_dead_letters_are_left_alone()
    {
        var connection = CreateTestProbe();

        Sys.EventStream.Publish(new DeadLetter(new TerminalReply([1, 2, 3], default), connection.Ref, TestActor));
        Sys.EventStream.Publish(new DeadLetter(new TerminalRequest("T0000001", [0x30, 0x31], default, connection.Ref), ActorRefs.Nobody, TestActor));

        connection.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
