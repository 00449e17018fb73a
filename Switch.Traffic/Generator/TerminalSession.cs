using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Serilog;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Security;
using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Generator;

/// <summary>
/// One simulated terminal: a persistent connection that signs on, then sends what it is told to
/// (open loop) or keeps its pipeline full (closed loop), and matches answers to requests by STAN.
/// Sends happen under one lock per terminal, from the scheduler or from the read loop; answers are
/// recorded lock-free on the read loop. In a scenario run it sends flows instead of single requests
/// (<see cref="FlowDriver"/>): the schedule or the pipeline starts a flow, its answers move it on.
/// </summary>
internal sealed class TerminalSession : IAsyncDisposable, IFlowSender
{
    private const int SignOnStan = 1;
    // A peer this far behind in reading stops getting new requests until it catches up.
    private const int MaxPendingBytes = 256 * 1024;

    private readonly RunOptions _options;
    private readonly int _index;
    private readonly RunClock _clock;
    private readonly RunRecorder _recorder;
    private readonly IRequestFactory _requests;
    private readonly ILogger _log;
    private readonly long _timeoutMicros;
    private readonly TerminalWire _wire;
    private readonly SendBuffer _output;
    private readonly Lock _sending = new();
    private readonly OutstandingRequests _outstanding;
    private readonly TaskCompletionSource<string?> _signOn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FlowDriver? _flows;
    private readonly Action<Flow> _timedOut;
    private readonly Action<Flow> _lost;
    private Task _receiving = Task.CompletedTask;
    // A --mac run's session key, twice: AesCmac is not thread-safe, and requests are signed under
    // the send lock while answers are checked on the read loop. Set on the read loop at sign-on.
    private AesCmac? _signing;
    private AesCmac? _checking;
    private long _sequence;
    private volatile bool _signedOn;
    private volatile bool _closed;

    /// <param name="flows">The run's scenario flows; null sends <paramref name="requests"/> alone.</param>
    public TerminalSession(RunOptions options, int index, RunClock clock, RunRecorder recorder, IRequestFactory requests, FlowFactory? flows, ILogger log)
    {
        _options = options;
        _index = index;
        _clock = clock;
        _recorder = recorder;
        _requests = requests;
        Tid = options.Tid(index);
        _log = log.ForContext(nameof(Tid), Tid);
        _timeoutMicros = RunClock.ToMicros(options.Timeout);
        _wire = TerminalWire.For(options, Flush, Lose);
        _output = new SendBuffer(2 * (options.Framing.HeaderBytes + options.Framing.MaxFrame));
        var requestsPerFlow = flows is null ? 1 : options.Scenarios!.Mix.MaxRequestsPerFlow;
        _outstanding = new OutstandingRequests(Capacity(options) * requestsPerFlow, firstStan: SignOnStan + 1, withFlows: flows is not null);
        _flows = flows is null ? null : new FlowDriver(flows, index, this, clock);
        _timedOut = flow => _flows!.Fail(flow, FlowFailure.Timeout);
        _lost = flow => _flows!.Fail(flow, FlowFailure.ConnectionLost);
    }

    public string Tid { get; }

    /// <summary>Signed on and still connected: the scheduler may send.</summary>
    public bool IsOpen => _signedOn && !_closed;

    /// <summary>The open-loop timetable, set at sign-on; null in a closed-loop run.</summary>
    public OpenLoopSchedule? Schedule { get; private set; }

    /// <summary>Requests awaiting an answer or, in a scenario run, flows not yet ended (one may be waiting for its code).</summary>
    public int Outstanding => _flows?.Active ?? _outstanding.Count;

    /// <summary>Connects and signs on; false (recorded as a sign-on failure) when either does not happen within the timeout.</summary>
    public async Task<bool> StartAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await _wire.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or AuthenticationException or IOException)
        {
            return Refused(ex switch
            {
                SocketException socket => $"cannot connect: {socket.SocketErrorCode}",
                OperationCanceledException => "cannot connect within the timeout",
                _ => $"TLS handshake failed: {ex.Message}",
            });
        }

        _recorder.Connected();
        _receiving = ReceiveAsync();
        SendSignOn();
        string? refusal;
        try
        {
            refusal = await _signOn.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            refusal = stopping.IsCancellationRequested ? "the run ended before sign-on" : "no 0810 within the timeout";
        }

        if (refusal is not null)
        {
            return Refused(refusal);
        }

        _recorder.SignedOn();
        if (!_options.ClosedLoop)
        {
            Schedule = OpenLoopSchedule.For(_options, _index, _clock.NowMicros, _flows?.RateShare);
        }

        _signedOn = true;
        Refill();
        return true;
    }

    /// <summary>Open loop: queues the request due at <paramref name="dueMicros"/>; false when it cannot go yet.</summary>
    public bool TrySend(long dueMicros)
    {
        lock (_sending)
        {
            return IsOpen && TryStart(dueMicros);
        }
    }

    /// <summary>Closed loop: tops the pipeline up while the sending window is open, and sends.</summary>
    public void Refill()
    {
        if (!_options.ClosedLoop)
        {
            return;
        }

        lock (_sending)
        {
            var now = _clock.NowMicros;
            while (IsOpen && _clock.IsSending(now) && (_flows?.Active ?? _outstanding.Count) < _options.Pipeline && TryStart(now))
            {
            }

            Flush();
        }
    }

    /// <summary>Returns once a start under way on another thread (a refill holding the send lock) has finished.</summary>
    public void AwaitStartUnderWay()
    {
        lock (_sending)
        {
            // The lock is the barrier: a refill that entered before it has counted its request.
        }
    }

    /// <summary>Hands the socket what is queued; a broken connection loses what is outstanding.</summary>
    public void Flush()
    {
        lock (_sending)
        {
            if (_closed)
            {
                return;
            }

            try
            {
                _wire.Flush(_output);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                Lose(ex.Message);
            }
        }
    }

    /// <summary>Counts requests unanswered for longer than the timeout as errors. The scheduler's alone.</summary>
    public void Sweep(long nowMicros)
    {
        var expired = _outstanding.Expire(nowMicros - _timeoutMicros, _timedOut);
        if (expired > 0)
        {
            _recorder.TimedOut(expired);
        }
    }

    /// <summary>At the end of the run: whatever is still unanswered timed out.</summary>
    public void ExpireRemaining()
    {
        lock (_sending)
        {
            _closed = true;
        }

        var expired = _outstanding.ExpireAll(_timedOut);
        if (expired > 0)
        {
            _recorder.TimedOut(expired);
        }
    }

    public async ValueTask DisposeAsync()
    {
        ExpireRemaining();
        _wire.Shutdown();
        _wire.Dispose();
        await _receiving.ConfigureAwait(false);
        _signing?.Dispose();
        _checking?.Dispose();
        if (_flows is not null)
        {
            await _flows.DisposeAsync().ConfigureAwait(false);
        }
    }

    bool IFlowSender.TrySendStep(Flow flow)
    {
        lock (_sending)
        {
            if (!IsOpen || !TryWrite(_clock.NowMicros, flow))
            {
                return false;
            }

            Flush();
            return true;
        }
    }

    void IFlowSender.FlowEnded() => Refill();

    private static int Capacity(RunOptions options) => options.Rate is { } rate
        // Twice what can be outstanding before the sweep takes it, so a STAN's slot is always free again in time.
        ? (int)Math.Min(OutstandingRequests.MaxStan, 2 * Math.Ceiling(rate / options.Terminals * (options.Timeout.TotalSeconds + 1)) + 16)
        : 2 * options.Pipeline;

    private bool Refused(string reason)
    {
        _log.Warning("Terminal {Tid} did not sign on: {Reason}", Tid, reason);
        _recorder.SignOnFailed(Tid, reason);
        lock (_sending)
        {
            _closed = true;
        }

        _wire.Dispose();
        return false;
    }

    private void SendSignOn()
    {
        lock (_sending)
        {
            var frame = new FrameWriter(_output, _options.Framing);
            var writer = new IsoMessageWriter(frame.Payload, _options.Profile, 800);
            writer.WriteNumber(7, PurchaseFactory.TransmissionDateTime(DateTime.UtcNow));
            writer.WriteNumber(11, SignOnStan);
            writer.Write(41, Tid);
            writer.WriteNumber(70, 1);
            frame.Complete(writer.Complete());
            Flush();
        }
    }

    // Under the send lock: the next request, or the first of the next flow in a scenario run.
    private bool TryStart(long startMicros)
    {
        if (_flows is null)
        {
            return TryWrite(startMicros, flow: null);
        }

        var flow = _flows.Next();
        if (!TryWrite(startMicros, flow))
        {
            return false;
        }

        _flows.Started(flow, startMicros);
        return true;
    }

    // Under the send lock.
    private bool TryWrite(long startMicros, Flow? flow)
    {
        if (_output.Length > MaxPendingBytes || !_outstanding.TryAdd(startMicros, flow, out var stan))
        {
            return false;
        }

        var frame = new FrameWriter(_output, _options.Framing);
        var context = new RequestContext(_index, Tid, stan, _sequence, DateTime.UtcNow);
        var length = flow is null ? _requests.Write(frame.Payload, context) : flow.Write(frame.Payload, context, _flows!.Terminal);
        if (_signing is not null)
        {
            length = MessageMac.AppendInPlace(frame.Payload, length, _options.Profile, _signing);
        }

        frame.Complete(length);
        _sequence++;
        _clock.MarkSend(startMicros);
        _recorder.Sent();
        return true;
    }

    private void Lose(string reason)
    {
        lock (_sending)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        var lost = _outstanding.ExpireAll(_lost);
        _recorder.ConnectionLost(lost);
        if (!_signOn.TrySetResult($"connection lost: {reason}"))
        {
            _log.Warning("Terminal {Tid} lost its connection ({Reason}); {Lost} requests were outstanding", Tid, reason, lost);
        }

        _wire.Dispose();
    }

    private async Task ReceiveAsync()
    {
        // Room for two whole frames, so a frame is never larger than the space left after a partial one.
        var buffer = new byte[2 * (_options.Framing.HeaderBytes + _options.Framing.MaxFrame)];
        var filled = 0;
        try
        {
            while (true)
            {
                var received = await _wire.ReceiveAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
                if (received == 0)
                {
                    Lose("the peer closed the connection");
                    return;
                }

                filled += received;
                var status = Drain(buffer, ref filled, out var declared);
                if (status != FrameStatus.Incomplete)
                {
                    Lose(new FrameOutcome(status, declared, 0).Reason(_options.Framing));
                    return;
                }

                Refill();
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            Lose(ex.Message);
        }
    }

    // Every whole frame in the buffer, then the partial one moved to the front.
    private FrameStatus Drain(byte[] buffer, ref int filled, out int declared)
    {
        var unread = new ReadOnlySequence<byte>(buffer, 0, filled);
        FrameStatus status;
        while ((status = FrameReader.TryRead(ref unread, _options.Framing, out var message, out _, out declared)) is FrameStatus.Message or FrameStatus.KeepAlive)
        {
            if (status == FrameStatus.Message)
            {
                OnMessage(message.FirstSpan);
            }
        }

        var rest = (int)unread.Length;
        buffer.AsSpan(filled - rest, rest).CopyTo(buffer);
        filled = rest;
        return status;
    }

    private void OnMessage(ReadOnlySpan<byte> bytes)
    {
        var now = _clock.NowMicros;
        if (!IsoMessage.TryParse(bytes, _options.Profile, out var message, out var error))
        {
            Unreadable(error.Stan);
            return;
        }

        if (!message.TryGetInt64(11, out var stan))
        {
            _recorder.Stray();
            return;
        }

        if (message.Mti == 810)
        {
            if (!_signedOn && stan == SignOnStan)
            {
                var code = message.GetString(39);
                _signOn.TrySetResult(code != "00" ? string.Create(CultureInfo.InvariantCulture, $"0810 answered 39={code}")
                    : _options.Mac ? TakeSessionKey(in message)
                    : null);
            }

            return;
        }

        if (message.Length(39) != 2)
        {
            Unreadable(stan);
            return;
        }

        if (!_outstanding.TryComplete(stan, out var start, out var flow))
        {
            _recorder.Stray();
            return;
        }

        var latency = now - start;
        if (latency > _timeoutMicros)
        {
            _recorder.TimedOut(1);
            Tell(flow, _timedOut);
            return;
        }

        if (_checking is not null && MessageMac.Verify(in message, _checking) != MacVerdict.Valid)
        {
            _recorder.MacFailed();
        }

        Span<byte> code39 = stackalloc byte[2];
        message.CopyValue(39, code39);
        _recorder.Completed(latency, code39[0], code39[1]);
        if (flow is not null)
        {
            _flows!.OnAnswer(flow, in message);
        }
    }

    /// <summary>The session key from a keyed sign-on's answer (field 62: KN nonce, KC check value); the refusal when there is none or it does not check.</summary>
    private string? TakeSessionKey(in IsoMessage signOn)
    {
        var tlv = signOn.Tlv(ChallengeTags.Field);
        if (!tlv.TryFind(KeyExchangeTags.Nonce, out var nonceHex) || !tlv.TryFind(KeyExchangeTags.CheckValue, out var checkValue)
            || nonceHex.Length != 2 * MacKeys.NonceLength)
        {
            return "the 0810 carried no key exchange (is the terminal's master key put?)";
        }

        Span<byte> nonce = stackalloc byte[MacKeys.NonceLength];
        Span<byte> session = stackalloc byte[MacKeys.KeyLength];
        if (Convert.FromHexString(System.Text.Encoding.ASCII.GetString(nonceHex), nonce, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return "the 0810's nonce is not hex";
        }

        MacKeys.DeriveSessionKey(RunMasterKeys.For(Tid), nonce, session);
        try
        {
            if (MacKeys.CheckValue(session) != System.Text.Encoding.ASCII.GetString(checkValue))
            {
                return "the 0810's key check value does not match the session key derived from this run's master key";
            }

            _signing = new AesCmac(session);
            _checking = new AesCmac(session);
            return null;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(session);
        }
    }

    private static void Tell(Flow? flow, Action<Flow> failed)
    {
        if (flow is not null)
        {
            failed(flow);
        }
    }

    private void Unreadable(long? stan)
    {
        if (stan is { } matched && _outstanding.TryComplete(matched, out _, out var flow))
        {
            _recorder.Unreadable();
            Tell(flow, f => _flows!.Fail(f, FlowFailure.Unreadable));
        }
        else
        {
            _recorder.Stray();
        }
    }
}
