using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Acquirers;

/// <summary>
/// One outbound acquirer link, after jPOS's ChannelAdaptor (connect, sign on, keep alive with echoes,
/// reconnect with backoff) and QMUX (requests matched to responses by <see cref="AcquirerMatchKey"/>,
/// each with its own timeout). Connecting → SigningOn → Up → Down (backoff) → Connecting; a fresh
/// <see cref="ILinkTransport"/> serves each attempt. Every timer starts before the effect that
/// announces it (a send, a status): whoever observes the effect, such as a test driving a TestScheduler,
/// can rely on the timer already running.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "An actor ends in PostStop, which disposes the connect attempt's source.")]
public sealed class AcquirerLinkActor : UntypedActor, IWithTimers
{
    private readonly AcquirerLinkSettings _settings;
    private readonly ILinkTransportFactory _factory;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly ITimeProvider _clock = Context.System.Scheduler;
    private readonly Dictionary<AcquirerMatchKey, PendingRequest> _pending = [];
    private readonly StanSequence _stan = new();
    private readonly ExponentialBackoff _backoff;
    private readonly AcquirerLinkStatus _upStatus;
    private readonly AcquirerLinkStatus _downStatus;
    private ILinkTransport? _transport;
    private CancellationTokenSource? _connecting;
    private int _attempt;
    private bool _isUp;
    private DateTimeOffset _lastTraffic;

    public AcquirerLinkActor(AcquirerLinkSettings settings, ILinkTransportFactory factory)
    {
        _settings = settings;
        _factory = factory;
        _backoff = new ExponentialBackoff(settings.ReconnectMin, settings.ReconnectMax);
        _upStatus = new AcquirerLinkStatus(settings.Name, IsUp: true);
        _downStatus = new AcquirerLinkStatus(settings.Name, IsUp: false);
    }

    private enum NetworkAnswer
    {
        None,
        Approved,
        Refused,
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string Name => _settings.Name;

    public static Props Props(AcquirerLinkSettings settings, ILinkTransportFactory factory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Timeout, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.EchoInterval, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.ReconnectMin, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ReconnectMax, settings.ReconnectMin, nameof(settings));
        return Akka.Actor.Props.Create(() => new AcquirerLinkActor(settings, factory));
    }

    protected override void PreStart()
    {
        // Routing hears of the link, down, before it could send anything to it.
        Publish();
        Connect();
    }

    protected override void PostStop() => Disconnect();

    /// <summary>The behaviour <see cref="PreStart"/> leaves the link in.</summary>
    protected override void OnReceive(object message) => Connecting(message);

    private void Connecting(object message)
    {
        switch (message)
        {
            case Connected connected when connected.Attempt == _attempt:
                Timers.Cancel(LinkTimer.ConnectTimeout);
                _connecting?.Dispose();
                _connecting = null;
                Become(SigningOn);
                SendNetworkManagement(NetworkManagement.SignOn);
                break;
            case ConnectFailed failed when failed.Attempt == _attempt:
                LinkDown($"connect failed: {failed.Reason}");
                break;
            case LinkTimer.ConnectTimeout:
                LinkDown("connect timed out");
                break;
            default:
                Always(message);
                break;
        }
    }

    private void SigningOn(object message)
    {
        switch (message)
        {
            case byte[] frame:
                switch (Inbound(frame))
                {
                    case NetworkAnswer.Approved:
                        LinkUp();
                        break;
                    case NetworkAnswer.Refused:
                        LinkDown("sign-on refused");
                        break;
                }

                break;
            case RequestExpired expired:
                if (Expire(expired))
                {
                    LinkDown("sign-on unanswered");
                }

                break;
            default:
                Always(message);
                break;
        }
    }

    private void Up(object message)
    {
        switch (message)
        {
            case SendToAcquirer request:
                Forward(request);
                break;
            case byte[] frame:
                if (Inbound(frame) != NetworkAnswer.None)
                {
                    // Any answer to the echo shows the acquirer alive.
                    ScheduleEcho(_settings.EchoInterval);
                }

                break;
            case LinkTimer.EchoDue:
                EchoIfIdle();
                break;
            case RequestExpired expired:
                if (Expire(expired))
                {
                    LinkDown("echo unanswered");
                }

                break;
            default:
                Always(message);
                break;
        }
    }

    private void Down(object message)
    {
        if (message is LinkTimer.Reconnect)
        {
            Become(Connecting);
            Connect();
            return;
        }

        Always(message);
    }

    /// <summary>What every behaviour does the same way.</summary>
    private void Always(object message)
    {
        switch (message)
        {
            case SendToAcquirer request:
                if (TryKey(request, out var key))
                {
                    request.ReplyTo.Tell(new AcquirerUnavailable(key));
                }

                break;
            case GetLinkStatus:
                Sender.Tell(_isUp ? _upStatus : _downStatus);
                break;
            case byte[] frame:
                // A straggler of a connection given up: nothing is pending, so it is only counted late.
                Inbound(frame);
                break;
            case TransportClosed closed when closed.Attempt == _attempt && _transport is not null:
                LinkDown(closed.Reason);
                break;
            case TransportClosed or Connected or ConnectFailed:
                // About a connection already given up.
                break;
            case Status.Failure failure:
                _log.Warning(failure.Cause, "Acquirer {0}: disposing a transport failed", Name);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Connect()
    {
        var attempt = ++_attempt;
        Timers.StartSingleTimer(LinkTimer.ConnectTimeout, LinkTimer.ConnectTimeout, _settings.Timeout);
        _connecting = new CancellationTokenSource();
        _transport = _factory.Create(_settings, new LinkTransportEvents(Self, attempt));
        _transport.ConnectAsync(_connecting.Token).PipeTo(
            Self,
            success: () => new Connected(attempt),
            failure: e => new ConnectFailed(attempt, e.Message));
    }

    private void LinkUp()
    {
        _backoff.Reset();
        Become(Up);
        ScheduleEcho(_settings.EchoInterval);
        _isUp = true;
        _log.Info("Acquirer {0}: link up", Name);
        Publish();
    }

    private void LinkDown(string reason)
    {
        var delay = _backoff.Next();
        _log.Warning("Acquirer {0}: link down ({1}); reconnecting in {2}", Name, reason, delay);
        Timers.CancelAll();
        Timers.StartSingleTimer(LinkTimer.Reconnect, LinkTimer.Reconnect, delay);
        Become(Down);
        Disconnect();
    }

    /// <summary>Gives up the connection: routing hears first, then every request in flight.</summary>
    private void Disconnect()
    {
        _connecting?.Cancel();
        _connecting?.Dispose();
        _connecting = null;
        if (_transport is not null)
        {
            _transport.Close();
            _transport.DisposeAsync().AsTask().PipeTo(Self);
            _transport = null;
        }

        if (_isUp)
        {
            _isUp = false;
            Publish();
        }

        foreach (var (key, request) in _pending)
        {
            request.ReplyTo?.Tell(new AcquirerLinkLost(key));
        }

        _pending.Clear();
    }

    private void Publish()
    {
        AcquirerLinkMetrics.LinkState(Name, _isUp);
        Context.System.EventStream.Publish(_isUp ? _upStatus : _downStatus);
    }

    private void Forward(SendToAcquirer request)
    {
        if (!TryKey(request, out var key))
        {
            return;
        }

        if (_pending.ContainsKey(key))
        {
            request.ReplyTo.Tell(new AcquirerRejected(key, AcquirerRejection.DuplicateInFlight));
            return;
        }

        var expiry = Track(key, request.ReplyTo);
        if (!_transport!.TrySend(request.Message))
        {
            _pending.Remove(key);
            Timers.Cancel(expiry);
            request.ReplyTo.Tell(new AcquirerUnavailable(key));
        }
    }

    private bool TryKey(SendToAcquirer request, out AcquirerMatchKey key)
    {
        key = default;
        if (IsoMessage.TryParse(request.Message, _settings.Profile, out var message, out _) &&
            AcquirerMatchKey.TryRead(in message, out key) &&
            !AcquirerMatchKey.IsResponse(message.Mti))
        {
            return true;
        }

        _log.Error("Acquirer {0}: refused a malformed request ({1})", Name, key);
        request.ReplyTo.Tell(new AcquirerRejected(key, AcquirerRejection.Malformed));
        return false;
    }

    private void SendNetworkManagement(int code)
    {
        AcquirerMatchKey key;
        do
        {
            key = AcquirerMatchKey.NetworkManagement(_stan.Next());
        }
        while (_pending.ContainsKey(key));

        Track(key, replyTo: null);
        if (!_transport!.TrySend(NetworkManagement.Request(_settings.Profile, code, key.Stan, _clock.Now)))
        {
            LinkDown("the connection refused a network management message");
        }
    }

    /// <summary>Remembers a request in flight and starts its timeout; called before its bytes leave.</summary>
    private RequestExpired Track(AcquirerMatchKey key, IActorRef? replyTo)
    {
        var expiry = new RequestExpired(key);
        Timers.StartSingleTimer(expiry, expiry, _settings.Timeout);
        _pending.Add(key, new PendingRequest(replyTo, expiry));
        _lastTraffic = _clock.Now;
        return expiry;
    }

    /// <summary>Gives up a request; true when it was the link's own (sign-on or echo).</summary>
    private bool Expire(RequestExpired expired)
    {
        if (!_pending.Remove(expired.Key, out var request))
        {
            return false;
        }

        if (request.ReplyTo is null)
        {
            return true;
        }

        _log.Warning("Acquirer {0}: {1} unanswered after {2}", Name, expired.Key, _settings.Timeout);
        request.ReplyTo.Tell(new AcquirerTimedOut(expired.Key));
        return false;
    }

    /// <summary>
    /// Handles one inbound message: delivers a response to its requester, answers the acquirer's
    /// echo, and reports an answer to the link's own 0800. Logs keys and MTIs, never contents.
    /// </summary>
    private NetworkAnswer Inbound(byte[] frame)
    {
        _lastTraffic = _clock.Now;
        if (!IsoMessage.TryParse(frame, _settings.Profile, out var message, out var error))
        {
            _log.Error("Acquirer {0}: ignored an unparseable message: {1}", Name, error.Message);
            return NetworkAnswer.None;
        }

        if (!AcquirerMatchKey.IsResponse(message.Mti))
        {
            if (!NetworkManagement.IsEcho(in message))
            {
                _log.Warning("Acquirer {0}: ignored an unsolicited {1}", Name, Mti(message.Mti));
            }
            else if (_transport?.TrySend(NetworkManagement.Answer(in message)) != true)
            {
                _log.Warning("Acquirer {0}: could not answer an echo; the connection is closing", Name);
            }

            return NetworkAnswer.None;
        }

        if (!AcquirerMatchKey.TryRead(in message, out var key))
        {
            _log.Warning("Acquirer {0}: ignored a {1} without a usable STAN or TID", Name, Mti(message.Mti));
            return NetworkAnswer.None;
        }

        if (!_pending.Remove(key, out var request))
        {
            _log.Warning("Acquirer {0}: late response {1} for {2}", Name, Mti(message.Mti), key);
            AcquirerLinkMetrics.LateResponse(Name);
            return NetworkAnswer.None;
        }

        Timers.Cancel(request.Expiry);
        if (request.ReplyTo is not null)
        {
            request.ReplyTo.Tell(new AcquirerResponse(frame));
            return NetworkAnswer.None;
        }

        return NetworkManagement.IsApproved(in message) ? NetworkAnswer.Approved : NetworkAnswer.Refused;
    }

    private void EchoIfIdle()
    {
        var idle = _clock.Now - _lastTraffic;
        if (idle < _settings.EchoInterval)
        {
            ScheduleEcho(_settings.EchoInterval - idle);
            return;
        }

        SendNetworkManagement(NetworkManagement.Echo);
    }

    private void ScheduleEcho(TimeSpan delay) => Timers.StartSingleTimer(LinkTimer.EchoDue, LinkTimer.EchoDue, delay);

    private static string Mti(int mti) => mti.ToString("D4", CultureInfo.InvariantCulture);
}
