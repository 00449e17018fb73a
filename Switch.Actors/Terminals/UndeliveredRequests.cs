using Akka.Actor;
using Akka.Event;
using Switch.Actors.Cards;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Terminals;

/// <summary>
/// Answers what never reached its entity on this node, so a terminal hears 96 at once instead of
/// nothing. A message lands in dead letters when its entity stopped before handling it: a terminal
/// or card entity whose recovery failed (the journal unreachable) drops what it had stashed, a shard
/// drops what overflows its buffer. Nothing was done for such a request. A transaction whose card
/// message was dropped is told at once, rather than at <c>switch.cards.ask-timeout</c>.
/// <para>
/// Known edge: an exact retransmission of a request answered just before the outage, reaching an
/// entity that has stopped since, hears 96; the running entity would have repeated the answer. The
/// 96 is not MACed: the session key lives in the entity that could not start.
/// </para>
/// </summary>
public sealed class UndeliveredRequests : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IsoProfile _profile;
    private long _nextWarningTick;
    private int _answeredSinceWarning;

    public UndeliveredRequests(IsoProfile profile)
    {
        _profile = profile;
        Receive<AllDeadLetters>(Undelivered);
    }

    public static Props Props(IsoProfile profile) => Akka.Actor.Props.Create(() => new UndeliveredRequests(profile));

    protected override void PreStart() => Context.System.EventStream.Subscribe<AllDeadLetters>(Self);

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Undelivered(AllDeadLetters dead)
    {
        switch (dead.Message)
        {
            // Only what this node's own entities dropped. A request forwarded to a node that died may be
            // a retransmission its entity answered already: the terminal's next one, after that node is
            // removed, gets the journaled answer, which a 96 now would contradict.
            case TerminalRequest request when dead.Recipient.Path.Address.HasLocalScope && IsoMessage.TryParse(request.Message, _profile, out var message, out _):
                request.ReplyTo.Tell(new TerminalReply(ReplyBuilder.Build(in message, ResponseCodes.SystemMalfunction), request.Tpdu));
                TerminalMetrics.Undelivered();
                Warn(request.TerminalId, dead.Recipient);
                break;
            // Only a transaction on this node: the notice has no wire format, and a remote one has its ask-timeout.
            case AssessAuthorization or TakeChallengeStep when !dead.Sender.IsNobody() && dead.Sender.Path.Address.HasLocalScope:
                dead.Sender.Tell(CardUnreachable.Instance);
                break;
        }
    }

    /// <summary>At most one line a second: an outage sends every request here.</summary>
    private void Warn(string tid, IActorRef recipient)
    {
        _answeredSinceWarning++;
        var now = Environment.TickCount64;
        if (now >= _nextWarningTick)
        {
            _log.Warning("Terminal {0}: a request never reached its entity {1} (stopped, or its journal unreachable) and was answered 96 ({2} since the last such line)", tid, recipient.Path, _answeredSinceWarning);
            _answeredSinceWarning = 0;
            _nextWarningTick = now + 1000;
        }
    }
}
