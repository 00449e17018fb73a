using System.Globalization;
using System.Net.Sockets;
using Serilog;
using Switch.Protocol.Iso8583;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>
/// One simulated terminal that survives a switch that goes away, as a POS does: one request at a
/// time; a lost connection is made again (backing off while nobody listens) and signed on; a request
/// left unanswered, by a timeout or a lost connection, is retransmitted exactly (the switch answers
/// a retransmission with the original answer and never authorizes it twice) up to
/// <see cref="RecoveryOptions.Retransmits"/> times, and if still unheard it is reversed by an 0400,
/// repeated as 0401 until an 0410 comes. Every request's end is written to the outcomes file.
/// </summary>
internal sealed class RecoveringTerminal : IAsyncDisposable
{
    private const int SignOnCode = 1;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LastBackoff = TimeSpan.FromSeconds(2);

    private readonly RunOptions _options;
    private readonly RecoveryOptions _recovery;
    private readonly int _index;
    private readonly RunClock _clock;
    private readonly RunRecorder _recorder;
    private readonly IRequestFactory _requests;
    private readonly OutcomeLog? _outcomes;
    private readonly ILogger _log;
    private readonly byte[] _buffer;
    private TerminalLink? _link;
    private bool _everSignedOn;
    private string? _refusal;
    private int _nextStan = 1;
    private long _sequence;

    public RecoveringTerminal(RunOptions options, RecoveryOptions recovery, int index, RunClock clock, RunRecorder recorder, IRequestFactory requests, OutcomeLog? outcomes, ILogger log)
    {
        _options = options;
        _recovery = recovery;
        _index = index;
        _clock = clock;
        _recorder = recorder;
        _requests = requests;
        _outcomes = outcomes;
        Tid = options.Tid(index);
        _log = log.ForContext(nameof(Tid), Tid);
        _buffer = new byte[options.Framing.MaxFrame];
    }

    public string Tid { get; }

    public int Index => _index;

    /// <summary>Sends request after request while the window is open, settling each; stops trying at <paramref name="giveUp"/>.</summary>
    public async Task RunAsync(CancellationToken giveUp)
    {
        try
        {
            while (_clock.IsSending(_clock.NowMicros) && await LinkAsync(giveUp).ConfigureAwait(false))
            {
                await SettleAsync(NextRequest(), giveUp).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            // Given up between requests: nothing was left unsettled.
        }

        if (!_everSignedOn)
        {
            _recorder.SignOnFailed(Tid, _refusal ?? "no approved sign-on before the run gave up");
        }
    }

    public async ValueTask DisposeAsync() => await DropLinkAsync().ConfigureAwait(false);

    private PendingRequest NextRequest()
    {
        var stan = NextStan();
        var length = _requests.Write(_buffer, new RequestContext(_index, Tid, stan, _sequence++, DateTime.UtcNow));
        return PendingRequest.From(_buffer.AsSpan(0, length).ToArray(), _options.Profile);
    }

    private async Task SettleAsync(PendingRequest request, CancellationToken giveUp)
    {
        var start = _clock.NowMicros;
        _clock.MarkSend(start);
        _recorder.Sent();
        var sends = 0;
        var lost = false;
        var heard = false;
        try
        {
            while (sends <= _recovery.Retransmits && await LinkAsync(giveUp).ConfigureAwait(false))
            {
                sends++;
                var (answer, broke) = await ExchangeAsync(request.Bytes, request.Mti, request.Stan, giveUp).ConfigureAwait(false);
                lost |= broke;
                if (answer is not null)
                {
                    heard = true;
                    _recorder.Completed(_clock.NowMicros - start, (byte)answer.ResponseCode[0], (byte)answer.ResponseCode[1]);
                    Record(request, sends, answer.ResponseCode, answer.Rrn, reversal: null);
                    return;
                }
            }

            _log.Warning("Terminal {Tid}: STAN {Stan} unanswered after {Sends} sends; reversing it", Tid, request.Stan, sends);
            var reversal = await ReverseAsync(request, giveUp).ConfigureAwait(false);
            Record(request, sends, responseCode: null, reversal?.Rrn, reversal?.ResponseCode);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            _log.Warning("Terminal {Tid}: gave up on STAN {Stan}, unresolved", Tid, request.Stan);
            Record(request, sends, responseCode: null, rrn: null, reversal: null);
        }
        finally
        {
            // An unheard request is one error: a lost connection if one broke under it, else a timeout.
            if (!heard)
            {
                if (lost)
                {
                    _recorder.ConnectionLost(1);
                }
                else
                {
                    _recorder.TimedOut(1);
                }
            }
        }
    }

    private void Record(PendingRequest request, int sends, string? responseCode, string? rrn, string? reversal)
    {
        _outcomes?.Write(new RequestOutcome(Tid, request.Stan, request.Mti.ToString("D4", CultureInfo.InvariantCulture), request.TransmissionTime, request.Amount, sends, responseCode, rrn, reversal));
    }

    private async Task<Answer?> ReverseAsync(PendingRequest request, CancellationToken giveUp)
    {
        var stan = NextStan();
        var sent = PurchaseFactory.TransmissionDateTime(DateTime.UtcNow).ToString("D10", CultureInfo.InvariantCulture);
        var mti = 400;
        while (await LinkAsync(giveUp).ConfigureAwait(false))
        {
            var (answer, _) = await ExchangeAsync(request.Reversal(mti, stan, sent, _options.Profile), mti, stan, giveUp).ConfigureAwait(false);
            if (answer is not null)
            {
                return answer;
            }

            mti = 401;
        }

        return null;
    }

    /// <summary>Sends one message and waits up to the run's timeout for its answer; null and whether the connection broke when none came.</summary>
    private async Task<(Answer? Answer, bool Broke)> ExchangeAsync(byte[] message, int mti, int stan, CancellationToken giveUp)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(giveUp);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            await _link!.SendAsync(message, timeout.Token).ConfigureAwait(false);
            while (await _link.ReceiveAsync(timeout.Token).ConfigureAwait(false) is { } bytes)
            {
                // Anything else is late: the answer to a request already given up on, which the terminal ignores.
                if (Answer.Read(bytes, _options.Profile) is { } answer && answer.Answers(mti, stan))
                {
                    return (answer, false);
                }
            }
        }
        catch (OperationCanceledException) when (!giveUp.IsCancellationRequested)
        {
            // No answer in time; the connection may be fine, so it is kept for the retransmission.
            return (null, false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The connection broke: below.
        }

        await DropLinkAsync().ConfigureAwait(false);
        return (null, true);
    }

    /// <summary>A signed-on connection, made again as often as it takes; false once the run gives up.</summary>
    private async Task<bool> LinkAsync(CancellationToken giveUp)
    {
        var backoff = FirstBackoff;
        while (_link is null)
        {
            if (giveUp.IsCancellationRequested || _refusal is not null)
            {
                return false;
            }

            if (!await TryConnectAsync(giveUp).ConfigureAwait(false))
            {
                try
                {
                    await Task.Delay(backoff, giveUp).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                backoff = TimeSpan.FromTicks(Math.Min(LastBackoff.Ticks, backoff.Ticks * 2));
            }
        }

        return true;
    }

    private async Task<bool> TryConnectAsync(CancellationToken giveUp)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(giveUp);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            _link = await TerminalLink.ConnectAsync(_options.Target, _options.Framing, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }

        if (!_everSignedOn)
        {
            _recorder.Connected();
        }

        var stan = NextStan();
        var (answer, _) = await ExchangeAsync(SignOn(stan), 800, stan, giveUp).ConfigureAwait(false);
        if (answer?.ResponseCode == "00")
        {
            if (!_everSignedOn)
            {
                _everSignedOn = true;
                _recorder.SignedOn();
            }

            return true;
        }

        // Refused outright (unregistered, say): retrying would only be refused again. A 91 or 96 is the
        // switch's own trouble and passes, so the terminal tries again.
        if (answer is { ResponseCode: not ("91" or "96") })
        {
            _refusal = $"0810 answered 39={answer.ResponseCode}";
            _log.Warning("Terminal {Tid}: sign-on refused ({Reason}); it stops", Tid, _refusal);
        }

        await DropLinkAsync().ConfigureAwait(false);
        return false;
    }

    private byte[] SignOn(int stan)
    {
        var writer = new IsoMessageWriter(_buffer, _options.Profile, 800);
        writer.WriteNumber(7, PurchaseFactory.TransmissionDateTime(DateTime.UtcNow));
        writer.WriteNumber(11, stan);
        writer.Write(41, Tid);
        writer.WriteNumber(70, SignOnCode);
        return _buffer.AsSpan(0, writer.Complete()).ToArray();
    }

    // STANs are never reused within a run, across reconnects included, so the switch never takes a new request for a retransmission.
    private int NextStan()
    {
        var stan = _nextStan;
        _nextStan = (_nextStan % OutstandingRequests.MaxStan) + 1;
        return stan;
    }

    private async Task DropLinkAsync()
    {
        if (_link is { } link)
        {
            _link = null;
            await link.DisposeAsync().ConfigureAwait(false);
        }
    }
}
