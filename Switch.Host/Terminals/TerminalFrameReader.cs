using System.Buffers;
using System.Threading.Channels;
using Akka.Actor;
using Serilog;
using Switch.Actors.Terminals;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;

namespace Switch.Host.Terminals;

/// <summary>
/// Handles each frame a terminal connection reads: copies it once, reads the TID, and tells the
/// terminal entity. A message that cannot be parsed but can be identified (MTI and STAN read) is
/// answered 30 here and the connection stays; one that cannot even be identified closes it, as does
/// a sign-on beyond the connection's allowance. Reports every read to the connection's watchdog.
/// </summary>
internal sealed class TerminalFrameReader : IFrameHandler
{
    private readonly TerminalPort _port;
    private readonly IActorRef _replyTo;
    private readonly OwedReplies _owed;
    private readonly ChannelWriter<TerminalReply> _replies;
    private readonly ConnectionCloser _closer;
    private readonly ConnectionWatchdog _watchdog;
    private readonly SignOnRate _signOns;
    private readonly ILogger _log;
    private readonly WarningBudget _warnings;

    public TerminalFrameReader(TerminalPort port, IActorRef replyTo, OwedReplies owed, ChannelWriter<TerminalReply> replies, ConnectionCloser closer, ConnectionWatchdog watchdog, ILogger log, WarningBudget warnings)
    {
        _port = port;
        _replyTo = replyTo;
        _owed = owed;
        _replies = replies;
        _closer = closer;
        _watchdog = watchdog;
        _signOns = new SignOnRate(port.Settings.Limits.MaxSignOnsPerMinute);
        _log = log;
        _warnings = warnings;
    }

    public void OnKeepAlive() => _watchdog.FrameCompleted();

    public void OnReceived(long pending) => _watchdog.Received(pending, Environment.TickCount64);

    public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu)
    {
        _watchdog.FrameCompleted();
        var bytes = message.ToArray();
        var profile = _port.Settings.Profile;
        if (!IsoMessage.TryParse(bytes, profile, out var request, out var error))
        {
            Refuse(error, tpdu);
            return;
        }

        if (!request.Has(41))
        {
            Refuse(new IsoError(IsoErrorKind.MissingField, 41, bytes.Length, "terminal id (field 41) is required")
            {
                Mti = request.Mti,
                Stan = request.TryGetInt64(11, out var stan) && stan <= int.MaxValue ? (int)stan : null,
            }, tpdu);
            return;
        }

        var tid = request.GetString(41).TrimEnd();
        if (IsSignOn(in request) && !_signOns.TryTake(Environment.TickCount64))
        {
            _closer.Close($"terminal {tid} signed on faster than {_port.Settings.Limits.MaxSignOnsPerMinute} times a minute", SignOnRate.Flood);
            return;
        }

        _owed.Asked();
        _port.Terminals.Tell(new TerminalRequest(tid, bytes, tpdu, _replyTo));
    }

    private static bool IsSignOn(in IsoMessage request) =>
        request.Mti == 800 && request.TryGetInt64(70, out var code) && code == 1;

    private void Refuse(IsoError error, Tpdu tpdu)
    {
        if (error.CanAnswer)
        {
            TerminalPortMetrics.FormatError();
            if (_warnings.TryTake(_log, Environment.TickCount64))
            {
                _log.Warning("Format error from terminal {Tid}, answered 30: {Error}", error.Tid, error.Message);
            }

            _replies.TryWrite(new TerminalReply(FormatErrorReply.Build(error, _port.Settings.Profile), tpdu));
            return;
        }

        _closer.Close($"unidentifiable message: {error.Message}");
    }
}
