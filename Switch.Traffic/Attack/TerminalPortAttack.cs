using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Attack;

/// <summary>
/// Runs an attack on a terminal port: <see cref="AttackOptions.Connections"/> loops, each connecting,
/// doing its kind's harm until the switch closes the connection, and connecting again, until the
/// duration is over. Measures nothing of the switch; what it did is in its counters and logs.
/// </summary>
public sealed class TerminalPortAttack(AttackOptions options)
{
    // A pause after a refused connect, so that a closed port is not spun on.
    private static readonly TimeSpan ConnectBackoff = TimeSpan.FromMilliseconds(100);

    private long _connected;
    private long _closed;
    private long _connectFailures;
    private long _bytes;
    private long _frames;

    public async Task<AttackResults> RunAsync(CancellationToken cancellation = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stop.CancelAfter(options.Duration);
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(i => LoopAsync(i, stop.Token))).ConfigureAwait(false);
        return new AttackResults(options.Kind, _connected, _closed, _connectFailures, _bytes, _frames);
    }

    private async Task LoopAsync(int index, CancellationToken stop)
    {
        var random = new Random(index);
        while (!stop.IsCancellationRequested)
        {
            using var socket = new Socket(options.Target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(options.Target, stop).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref _connectFailures);
                await PauseAsync(ConnectBackoff, stop).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _connected);
            if (await HarmUntilClosedAsync(socket, random, stop).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _closed);
            }
        }
    }

    /// <summary>Sends the kind's bytes while reading for the switch's close; true when the switch closed it.</summary>
    private async Task<bool> HarmUntilClosedAsync(Socket socket, Random random, CancellationToken stop)
    {
        var closed = DrainUntilClosedAsync(socket, stop);
        try
        {
            switch (options.Kind)
            {
                case AttackKind.SlowLoris:
                    await SendAsync(socket, [0x00, 0x64], frames: 0, stop).ConfigureAwait(false);
                    while (!closed.IsCompleted && await PauseAsync(options.Trickle, stop).ConfigureAwait(false))
                    {
                        await SendAsync(socket, [(byte)'0'], frames: 0, stop).ConfigureAwait(false);
                    }

                    break;
                case AttackKind.OversizedLength:
                    await SendAsync(socket, [0xFF, 0xFF, .. new byte[64]], frames: 1, stop).ConfigureAwait(false);
                    break;
                case AttackKind.SignOnFlood:
                    var signOn = SignOn(options.Tid);
                    while (!closed.IsCompleted)
                    {
                        await SendAsync(socket, signOn, frames: 1, stop).ConfigureAwait(false);
                    }

                    break;
                case AttackKind.GarbageFrames:
                    while (!closed.IsCompleted)
                    {
                        var garbage = new byte[2 + 16 + random.Next(200)];
                        random.NextBytes(garbage);
                        BinaryPrimitives.WriteUInt16BigEndian(garbage, (ushort)(garbage.Length - 2));
                        await SendAsync(socket, garbage, frames: 1, stop).ConfigureAwait(false);
                    }

                    break;
                default:
                    // The connection flood only holds its connection.
                    break;
            }
        }
        catch (SocketException)
        {
            // The switch closed it in the middle of a send; the drain sees the close too.
        }
        catch (OperationCanceledException)
        {
            // Stopped: the drain, on the same token, ends with false.
        }

        return await closed.ConfigureAwait(false);
    }

    private async Task SendAsync(Socket socket, byte[] bytes, int frames, CancellationToken stop)
    {
        await socket.SendAsync(bytes, SocketFlags.None, stop).ConfigureAwait(false);
        Interlocked.Add(ref _bytes, bytes.Length);
        Interlocked.Add(ref _frames, frames);
    }

    /// <summary>Reads (and drops) whatever the switch answers until it closes: true then; false when stopped first.</summary>
    private static async Task<bool> DrainUntilClosedAsync(Socket socket, CancellationToken stop)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stop)
    {
        try
        {
            await Task.Delay(pause, stop).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static byte[] SignOn(string tid)
    {
        var output = new ArrayBufferWriter<byte>();
        var frame = new FrameWriter(output, FrameOptions.Default);
        var writer = new IsoMessageWriter(frame.Payload, Iso87.Ascii, 800);
        writer.WriteNumber(7, PurchaseFactory.TransmissionDateTime(DateTime.UtcNow));
        writer.WriteNumber(11, 1);
        writer.Write(41, tid);
        writer.WriteNumber(70, 1);
        frame.Complete(writer.Complete());
        return output.WrittenSpan.ToArray();
    }
}
