using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Switch.Traffic.Generator;

/// <summary>
/// TLS over TCP. An SslStream cannot take part of a buffer without blocking, so a flush hands the
/// whole of it to one asynchronous write; while that write is under way the terminal's bytes wait
/// in its send buffer (where they count against its backlog limit), and the write's end flushes again.
/// </summary>
internal sealed class TlsWire(IPEndPoint target, ClientTlsOptions tls, Action flushAgain, Action<string> lose) : TerminalWire(target)
{
    private SslStream? _stream;
    private byte[] _writing = new byte[4096];
    private int _inFlight;

    public override async Task ConnectAsync(CancellationToken cancellation)
    {
        await Socket.ConnectAsync(Target, cancellation).ConfigureAwait(false);
        _stream = new SslStream(new NetworkStream(Socket, ownsSocket: false), leaveInnerStreamOpen: false);
        await _stream.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = tls.ServerName ?? Target.Address.ToString(),
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateChainPolicy = tls.ChainPolicy(),
            },
            cancellation).ConfigureAwait(false);
    }

    public override ValueTask<int> ReceiveAsync(Memory<byte> buffer) => _stream!.ReadAsync(buffer);

    public override void Flush(SendBuffer output)
    {
        if (output.Length == 0 || Volatile.Read(ref _inFlight) == 1)
        {
            return;
        }

        _inFlight = 1;
        var length = output.MoveTo(ref _writing);
        _ = WriteAsync(length);
    }

    public override void Dispose()
    {
        _stream?.Dispose();
        base.Dispose();
    }

    private async Task WriteAsync(int length)
    {
        try
        {
            await _stream!.WriteAsync(_writing.AsMemory(0, length)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException)
        {
            // _inFlight stays set: nothing more is written on a broken connection.
            lose(ex.Message);
            return;
        }

        Volatile.Write(ref _inFlight, 0);
        flushAgain();
    }
}
