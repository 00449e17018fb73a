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
/// answered 30 here and the connection stays; one that cannot even be identified closes it.
/// </summary>
internal sealed class TerminalFrameReader : IFrameHandler
{
    private readonly TerminalPort _port;
    private readonly IActorRef _replyTo;
    private readonly ChannelWriter<TerminalReply> _replies;
    private readonly CancellationTokenSource _closing;
    private readonly ILogger _log;

    public TerminalFrameReader(TerminalPort port, IActorRef replyTo, ChannelWriter<TerminalReply> replies, CancellationTokenSource closing, ILogger log)
    {
        _port = port;
        _replyTo = replyTo;
        _replies = replies;
        _closing = closing;
        _log = log;
    }

    /// <summary>Why this reader asked for the connection to close; null while it has not.</summary>
    public string? CloseReason { get; private set; }

    public void OnKeepAlive()
    {
    }

    public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu)
    {
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

        _port.Terminals.Tell(new TerminalRequest(request.GetString(41).TrimEnd(), bytes, tpdu, _replyTo));
    }

    private void Refuse(IsoError error, Tpdu tpdu)
    {
        if (error.CanAnswer)
        {
            TerminalPortMetrics.FormatError();
            _log.Warning("Format error from terminal {Tid}, answered 30: {Error}", error.Tid, error.Message);
            _replies.TryWrite(new TerminalReply(FormatErrorReply.Build(error, _port.Settings.Profile), tpdu));
            return;
        }

        CloseReason = $"unidentifiable message: {error.Message}";
        _closing.Cancel();
    }
}
