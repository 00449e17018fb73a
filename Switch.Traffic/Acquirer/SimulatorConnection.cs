using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Serilog;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;

namespace Switch.Traffic.Acquirer;

/// <summary>
/// One link from the switch: a read loop that decides each answer, and a single writer that sends
/// answers when their latency has passed, flushing once per batch, and the bytes of the link faults.
/// </summary>
internal sealed class SimulatorConnection : IFrameHandler, IDisposable
{
    // The fields an acquirer echoes back, in order; 38 and 39 are its own.
    private static readonly int[] ResponseFields = [3, 4, 7, 11, 12, 13, 32, 37, 38, 39, 41, 42, 49, 70, 90];

    // Extended key usage for a TLS client (RFC 5280), which a link's certificate must allow if it names any.
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    // A link that has not finished its TLS handshake by then is closed.
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    // 0xFFFF is a length beyond any frame limit in a binary header, and no digits in an ASCII one.
    private static readonly byte[] Garbage = [0xFF, 0xFF, 0x00, 0x13, 0x37, 0xFF, 0xFE, 0x0A];

    private readonly AcquirerSimulator _simulator;
    private readonly ILogger _log;
    private readonly Stream _stream;
    // Written by the read loop and by late answers coming due.
    private readonly Channel<Outgoing> _answers = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ArrayBufferWriter<byte> _scratch = new(1024);
    private readonly CancellationTokenSource _closing = new();

    public SimulatorConnection(AcquirerSimulator simulator, Socket socket, ILogger log)
    {
        _simulator = simulator;
        _log = log.ForContext("Peer", socket.RemoteEndPoint?.ToString());
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        _stream = simulator.Options.Certificate is null ? stream : new SslStream(stream, leaveInnerStreamOpen: false);
    }

    public void Close()
    {
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed and released: nothing left to close.
        }
    }

    public void Dispose()
    {
        _closing.Dispose();
        _stream.Dispose();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, _closing.Token);
        if (_stream is SslStream tls && !await HandshakeAsync(tls, linked.Token).ConfigureAwait(false))
        {
            return;
        }

        var reader = PipeReader.Create(_stream);
        var writer = PipeWriter.Create(_stream);
        var sending = SendAsync(writer, linked.Token);
        try
        {
            var outcome = await FramePump.RunAsync(reader, _simulator.Options.Framing, this, linked.Token).ConfigureAwait(false);
            if (!outcome.IsClean)
            {
                _log.Warning("Closing link: {Reason}", outcome.Reason(_simulator.Options.Framing));
            }
        }
        catch (IOException ex)
        {
            _log.Debug(ex, "Link dropped");
        }
        finally
        {
            _answers.Writer.TryComplete();
            await _closing.CancelAsync().ConfigureAwait(false);
            await sending.ConfigureAwait(false);
            await reader.CompleteAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> HandshakeAsync(SslStream tls, CancellationToken closing)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(closing);
        timeout.CancelAfter(HandshakeTimeout);
        try
        {
            await tls.AuthenticateAsServerAsync(ServerAuthentication(_simulator.Options), timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
        {
            if (!closing.IsCancellationRequested)
            {
                _simulator.HandshakeFailed();
                _log.Warning("TLS handshake with a link failed: {Reason}", ex.Message);
            }

            return false;
        }
    }

    private static SslServerAuthenticationOptions ServerAuthentication(AcquirerSimulatorOptions options) => new()
    {
        ServerCertificate = options.Certificate,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        // Without a certificate, or with one that does not chain to the CA, the handshake fails.
        ClientCertificateRequired = options.ClientCa is not null,
        CertificateChainPolicy = options.ClientCa is { } clientCa ? ClientChainPolicy(clientCa) : null,
    };

    /// <summary>Trust in the given CA certificates only, for a certificate meant for TLS clients; revocation unchecked, as on the switch's side.</summary>
    private static X509ChainPolicy ClientChainPolicy(X509Certificate2Collection clientCa)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.AddRange(clientCa);
        policy.ApplicationPolicy.Add(ClientAuthentication);
        return policy;
    }

    public void OnKeepAlive()
    {
    }

    public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu)
    {
        var bytes = message.IsSingleSegment ? message.FirstSpan : message.ToArray();
        if (!IsoMessage.TryParse(bytes, _simulator.Options.Profile, out var request, out var error))
        {
            _log.Warning("Unreadable request: {Error}", error.Message);
            if (!error.CanAnswer)
            {
                Close();
            }

            return;
        }

        var (decision, authCode) = Decide(in request);
        _simulator.Ledger.Record(new LedgerEntry(
            _simulator.Time.GetUtcNow(),
            request.Mti.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            NullIfEmpty(request.GetString(11)),
            NullIfEmpty(request.GetString(37)),
            NullIfEmpty(request.GetString(41).TrimEnd()),
            request.TryGetInt64(4, out var amount) ? amount : null,
            decision.ResponseCode));

        switch (decision.Kind)
        {
            case DecisionKind.Disconnect:
                _log.Information("Fault: dropping the link on STAN {Stan}", request.GetString(11));
                Close();
                return;
            case DecisionKind.Silence:
                return;
            case DecisionKind.Garbage:
                _answers.Writer.TryWrite(new Outgoing(Now, Garbage, Framed: false, ThenClose: false));
                return;
        }

        _scratch.ResetWrittenCount();
        WriteAnswer(_scratch, in request, decision.ResponseCode!, authCode);
        var answer = _scratch.WrittenSpan.ToArray();
        switch (decision.Kind)
        {
            case DecisionKind.AnswerLate:
                _ = AnswerLateAsync(answer);
                break;
            case DecisionKind.CutMidFrame:
                _answers.Writer.TryWrite(new Outgoing(Now, FirstHalfOfFrame(answer), Framed: false, ThenClose: true));
                break;
            default:
                _answers.Writer.TryWrite(new Outgoing(Now + (long)(_simulator.Options.Latency.TotalSeconds * _simulator.Time.TimestampFrequency), answer, Framed: true, ThenClose: false));
                break;
        }
    }

    private long Now => _simulator.Time.GetTimestamp();

    /// <summary>Queues the answer once the delay has passed, so the answers after it are not held up behind it.</summary>
    private async Task AnswerLateAsync(byte[] answer)
    {
        try
        {
            await Task.Delay(_simulator.Options.LateAnswerDelay, _simulator.Time, _closing.Token).ConfigureAwait(false);
            _answers.Writer.TryWrite(new Outgoing(Now, answer, Framed: true, ThenClose: false));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The link closed first: the answer goes with it.
        }
    }

    private byte[] FirstHalfOfFrame(byte[] message)
    {
        var output = new ArrayBufferWriter<byte>();
        var frame = new FrameWriter(output, _simulator.Options.Framing);
        message.CopyTo(frame.Payload);
        frame.Complete(message.Length);
        return output.WrittenSpan[..(output.WrittenCount / 2)].ToArray();
    }

    private (Decision Decision, string? AuthCode) Decide(in IsoMessage request)
    {
        switch (request.Mti)
        {
            case 100 or 200:
                if (!request.TryGetInt64(4, out var amount))
                {
                    return (Decision.Decline("30"), null);
                }

                var decision = _simulator.Options.Rules.Decide(amount);
                return (decision, decision.ResponseCode == "00" ? _simulator.NextAuthCode() : null);
            case 800 or 400 or 401 or 420 or 421 or 500 or 220:
                return (Decision.Approve, null);
            default:
                return (Decision.Decline("12"), null);
        }
    }

    private static void WriteAnswer(IBufferWriter<byte> output, in IsoMessage request, string responseCode, string? authCode)
    {
        var writer = new IsoMessageWriter(output, request.Profile, MessageTypes.ResponseTo(request.Mti));
        foreach (var field in ResponseFields)
        {
            switch (field)
            {
                case 38 when authCode is not null:
                    writer.Write(38, authCode);
                    break;
                case 38:
                    break;
                case 39:
                    writer.Write(39, responseCode);
                    break;
                default:
                    writer.Copy(in request, field);
                    break;
            }
        }

        writer.Complete();
    }

    private async Task SendAsync(PipeWriter writer, CancellationToken closing)
    {
        var framing = _simulator.Options.Framing;
        try
        {
            while (await _answers.Reader.WaitToReadAsync(closing).ConfigureAwait(false))
            {
                while (_answers.Reader.TryRead(out var answer))
                {
                    var wait = _simulator.Time.GetElapsedTime(Now, answer.Due);
                    if (wait > TimeSpan.Zero)
                    {
                        await writer.FlushAsync(closing).ConfigureAwait(false);
                        await Task.Delay(wait, _simulator.Time, closing).ConfigureAwait(false);
                    }

                    if (!answer.Framed)
                    {
                        await writer.WriteAsync(answer.Bytes, closing).ConfigureAwait(false);
                        if (answer.ThenClose)
                        {
                            _log.Information("Fault: closing the link mid-frame");
                            Close();
                            return;
                        }

                        continue;
                    }

                    var frame = new FrameWriter(writer, framing);
                    answer.Bytes.CopyTo(frame.Payload);
                    frame.Complete(answer.Bytes.Length);
                }

                var flushed = await writer.FlushAsync(closing).ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            _log.Debug("Link writer stopped: {Reason}", ex.GetType().Name);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>What the writer sends: an answer to frame, or raw bytes of a fault, after which it may close the link.</summary>
    private readonly record struct Outgoing(long Due, byte[] Bytes, bool Framed, bool ThenClose);
}
