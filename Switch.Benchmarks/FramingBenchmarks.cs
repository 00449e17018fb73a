using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Benchmarks;

/// <summary>
/// Cutting frames out of a connection's receive buffer. Each operation drains <see cref="Frames"/>
/// framed 0200s, so every figure is per frame.
/// </summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    public const int Frames = 1_000;

    /// <summary>Smaller than a frame, so most frames and some length headers straddle two segments.</summary>
    private const int SegmentSize = 512;

    /// <summary>What one socket receive typically hands the pipe.</summary>
    private const int ReceiveSize = 4096;

    private readonly Pipe _pipe = new(new PipeOptions(
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        useSynchronizationContext: false));

    private readonly CountingHandler _counter = new();
    private FrameOptions _options = FrameOptions.Default;
    private byte[] _stream = [];
    private ReadOnlySequence<byte> _singleSegment;
    private ReadOnlySequence<byte> _multiSegment;

    [Params(false, true)]
    public bool WithTpdu { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _options = new FrameOptions(LengthHeader.Binary2, WithTpdu);
        _stream = SampleMessages.Framed0200s(Frames, Iso87.Binary, _options);
        _singleSegment = new ReadOnlySequence<byte>(_stream);
        _multiSegment = Segmented(_stream, SegmentSize);
        if (SingleSegment() != Frames || MultiSegment() != Frames || PipeThroughFramePump().GetAwaiter().GetResult() != Frames)
        {
            throw new InvalidOperationException("not every frame was read back");
        }
    }

    [Benchmark(OperationsPerInvoke = Frames)]
    public int SingleSegment() => Drain(_singleSegment);

    [Benchmark(OperationsPerInvoke = Frames)]
    public int MultiSegment() => Drain(_multiSegment);

    /// <summary>
    /// The real read loop over a real pipe, fed in socket-sized writes. Reuses the pipe, but the pump's
    /// async state machine and task are allocated once per run (per 1,000 frames), which shows here.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public async Task<long> PipeThroughFramePump()
    {
        _counter.Frames = 0;
        var pump = FramePump.RunAsync(_pipe.Reader, _options, _counter);
        for (var offset = 0; offset < _stream.Length; offset += ReceiveSize)
        {
            await _pipe.Writer.WriteAsync(_stream.AsMemory(offset, Math.Min(ReceiveSize, _stream.Length - offset))).ConfigureAwait(false);
        }

        await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
        var outcome = await pump.ConfigureAwait(false);
        await _pipe.Reader.CompleteAsync().ConfigureAwait(false);
        _pipe.Reset();
        if (!outcome.IsClean)
        {
            throw new InvalidOperationException(outcome.Reason(_options));
        }

        return _counter.Frames;
    }

    private int Drain(ReadOnlySequence<byte> buffer)
    {
        var frames = 0;
        while (FrameReader.TryRead(ref buffer, _options, out var message, out var tpdu, out _) == FrameStatus.Message)
        {
            frames += message.Length > 0 && tpdu.Id == (WithTpdu ? 0x60 : 0) ? 1 : 0;
        }

        return frames;
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(segmentSize, bytes.Length)), 0);
        var last = first;
        for (var offset = segmentSize; offset < bytes.Length; offset += segmentSize)
        {
            last = last.Append(bytes.AsMemory(offset, Math.Min(segmentSize, bytes.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    private sealed class CountingHandler : IFrameHandler
    {
        public long Frames { get; set; }

        public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu) => Frames++;

        public void OnKeepAlive()
        {
        }
    }
}
