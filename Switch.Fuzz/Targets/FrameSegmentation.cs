using System.Buffers;
using Switch.Protocol.Framing;

namespace Switch.Fuzz.Targets;

/// <summary>
/// The frame reader and the connection's read loop on an arbitrary byte stream, however the network
/// cuts it. The first input byte chooses the framing (bit 0: 2-byte binary or 4-digit ASCII header;
/// bit 1: the default maximum frame or a 64-byte one) and the cuts (the other six bits); the rest is
/// the stream. Read as one buffer, read as cut segments, and pumped through a pipe reader that
/// delivers one cut per read, the stream must give the same frames and end the same way; every
/// frame's bytes must match what its header declared.
/// </summary>
internal sealed class FrameSegmentation(string name, bool tpdu) : IFuzzTarget
{
    public string Name => name;

    public int MaxInput => 8192;

    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var control = input[0];
        var options = new FrameOptions(
            (control & 1) == 0 ? LengthHeader.Binary2 : LengthHeader.Ascii4,
            tpdu,
            (control & 2) == 0 ? FrameOptions.DefaultMaxFrame : 64);
        var stream = input[1..].ToArray();
        var cuts = Segments.Cuts(control >> 2, stream.Length);

        var whole = ReadAll(new ReadOnlySequence<byte>(stream), options);
        Expect(whole, ReadAll(Segments.Between(stream, cuts, 0, stream.Length), options), "read in segments");
        Expect(whole, Pump(stream, cuts, options), "pumped a cut at a time");
    }

    private static List<Frame> ReadAll(ReadOnlySequence<byte> buffer, FrameOptions options)
    {
        var frames = new List<Frame>();
        while (true)
        {
            var before = buffer.Length;
            var status = FrameReader.TryRead(ref buffer, options, out var message, out var header, out var declared);
            var consumed = before - buffer.Length;
            switch (status)
            {
                case FrameStatus.Message:
                    if (declared > options.MaxFrame || consumed != options.HeaderBytes + declared || message.Length != declared - options.TpduBytes)
                    {
                        throw new FuzzFindingException($"a frame declared {declared} bytes, took {consumed} and gave a message of {message.Length}");
                    }

                    frames.Add(new Frame(status, declared, Convert.ToHexString(message.ToArray()), header));
                    continue;
                case FrameStatus.KeepAlive:
                    if (consumed != options.HeaderBytes)
                    {
                        throw new FuzzFindingException($"a keep-alive took {consumed} bytes");
                    }

                    frames.Add(new Frame(status, 0, null, default));
                    continue;
                default:
                    if (consumed != 0)
                    {
                        throw new FuzzFindingException($"{status} consumed {consumed} bytes");
                    }

                    // At the end of the stream, as the pump reports it.
                    var end = status == FrameStatus.Incomplete && buffer.Length > 0 ? FrameStatus.Truncated : status;
                    frames.Add(new Frame(end, declared, null, default));
                    return frames;
            }
        }
    }

    private static List<Frame> Pump(byte[] stream, int[] cuts, FrameOptions options)
    {
        var handler = new RecordingHandler(options.TpduBytes);
        var pump = FramePump.RunAsync(new ChunkedPipeReader(stream, cuts), options, handler);
        if (pump.IsFaulted)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(pump.Exception!.InnerException!);
        }

        // Every read of the chunked reader completes at once, so the pump has finished: reading its
        // result does not block.
        if (!pump.IsCompletedSuccessfully)
        {
            throw new FuzzFindingException("the pump waited on a reader that never makes it wait");
        }

        var outcome = pump.Result;
        var messages = handler.Frames.Count(f => f.Status == FrameStatus.Message);
        if (outcome.Frames != messages)
        {
            throw new FuzzFindingException($"the pump counted {outcome.Frames} frames and handed out {messages}");
        }

        handler.Frames.Add(new Frame(outcome.Status, outcome.DeclaredLength, null, default));
        return handler.Frames;
    }

    private static void Expect(List<Frame> expected, List<Frame> actual, string how)
    {
        if (!expected.SequenceEqual(actual))
        {
            throw new FuzzFindingException($"{how}: {actual.Count} events ending {actual[^1]}, read whole: {expected.Count} ending {expected[^1]}");
        }
    }

    private readonly record struct Frame(FrameStatus Status, int Declared, string? Message, Tpdu Tpdu);

    private sealed class RecordingHandler(int tpduBytes) : IFrameHandler
    {
        public List<Frame> Frames { get; } = [];

        public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu) =>
            Frames.Add(new Frame(FrameStatus.Message, (int)message.Length + tpduBytes, Convert.ToHexString(message.ToArray()), tpdu));

        public void OnKeepAlive() => Frames.Add(new Frame(FrameStatus.KeepAlive, 0, null, default));

        public void OnReceived(long pending)
        {
            if (pending < 0)
            {
                throw new FuzzFindingException($"{pending} bytes pending");
            }
        }
    }
}
