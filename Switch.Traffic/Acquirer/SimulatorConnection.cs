using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Serilog;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;

namespace Switch.Traffic.Acquirer;

/// <summary>
/// One link from the switch: a read loop that decides each answer, and a single writer that sends
/// answers when their latency has passed, flushing once per batch.
/// </summary>
internal sealed class SimulatorConnection : IFrameHandler, IDisposable
{
    // The fields an acquirer echoes back, in order; 38 and 39 are its own.
    private static readonly int[] ResponseFields = [3, 4, 7, 11, 12, 13, 32, 37, 38, 39, 41, 42, 49, 70, 90];

    private readonly AcquirerSimulator _simulator;
    private readonly Socket _socket;
    private readonly ILogger _log;
    private readonly NetworkStream _stream;
    private readonly Channel<(long Due, byte[] Message)> _answers = Channel.CreateUnbounded<(long, byte[])>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly ArrayBufferWriter<byte> _scratch = new(1024);
    private readonly CancellationTokenSource _closing = new();

    public SimulatorConnection(AcquirerSimulator simulator, Socket socket, ILogger log)
    {
        _simulator = simulator;
        _socket = socket;
        _log = log.ForContext("Peer", socket.RemoteEndPoint?.ToString());
        _stream = new NetworkStream(socket, ownsSocket: true);
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
        }

        _scratch.ResetWrittenCount();
        WriteAnswer(_scratch, in request, decision.ResponseCode!, authCode);
        var due = _simulator.Time.GetTimestamp() + (long)(_simulator.Options.Latency.TotalSeconds * _simulator.Time.TimestampFrequency);
        _answers.Writer.TryWrite((due, _scratch.WrittenSpan.ToArray()));
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
                    var wait = _simulator.Time.GetElapsedTime(_simulator.Time.GetTimestamp(), answer.Due);
                    if (wait > TimeSpan.Zero)
                    {
                        await writer.FlushAsync(closing).ConfigureAwait(false);
                        await Task.Delay(wait, _simulator.Time, closing).ConfigureAwait(false);
                    }

                    var frame = new FrameWriter(writer, framing);
                    answer.Message.CopyTo(frame.Payload);
                    frame.Complete(answer.Message.Length);
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
}
