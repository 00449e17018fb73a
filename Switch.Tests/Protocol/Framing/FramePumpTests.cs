using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;
using CsCheck;
using Switch.Protocol.Framing;

namespace Switch.Tests.Protocol.Framing;

/// <summary>
/// The pump over a real <see cref="Pipe"/>: a writer task plays the peer (writes, then completes, which is
/// the peer closing), and each test awaits the pump's outcome. No test waits on time.
/// </summary>
public sealed class FramePumpTests
{
    private const string KeepAlive = "keep-alive";
    private static readonly Tpdu RequestTpdu = new(0x60, 0x0100, 0x0200);

    [Theory]
    [InlineData(LengthHeader.Binary2, false)]
    [InlineData(LengthHeader.Binary2, true)]
    [InlineData(LengthHeader.Ascii4, false)]
    [InlineData(LengthHeader.Ascii4, true)]
    public async Task Frames_fed_one_byte_at_a_time_reach_the_handler_whole_and_in_order(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        byte[]?[] items = [Payload(40), null, Payload(1), null, null, Payload(300), Payload(2)];
        var stream = FrameBytes.Stream(options, items, RequestTpdu);

        var (outcome, handler) = await Pump(options, Segments.Chunk(stream, [1]));

        Assert.True(outcome.IsClean);
        Assert.Equal(FrameStatus.Incomplete, outcome.Status);
        Assert.Equal(4, outcome.Frames);
        Assert.Equal(Expected(items), handler.Events);
        Assert.All(handler.Tpdus, t => Assert.Equal(tpdu ? RequestTpdu : default, t));
        Assert.Equal("peer closed the connection", outcome.Reason(options));
    }

    [Fact]
    public async Task Frames_fed_in_random_chunks_reach_the_handler_whole_and_in_order()
    {
        var gen =
            from header in Gen.OneOf(Gen.Const(LengthHeader.Binary2), Gen.Const(LengthHeader.Ascii4))
            from tpdu in Gen.Bool
            from items in Gen.Frequency((1, Gen.Const((byte[]?)null)), (4, Gen.Byte.Array[1, 120].Select(b => (byte[]?)b))).Array[0, 10]
            from cuts in Gen.Int[1, 50].Array[1, 12]
            select (header, tpdu, items, cuts);
        await gen.SampleAsync(
            async t =>
            {
                var options = new FrameOptions(t.header, t.tpdu, maxFrame: 512);
                var stream = FrameBytes.Stream(options, t.items, RequestTpdu);

                var (outcome, handler) = await Pump(options, Segments.Chunk(stream, t.cuts));

                Assert.True(outcome.IsClean, outcome.Reason(options));
                Assert.Equal(t.items.Count(i => i is not null), outcome.Frames);
                Assert.Equal(Expected(t.items), handler.Events);
            },
            iter: 300);
    }

    [Fact]
    public async Task Peer_closing_before_sending_anything_is_a_clean_close_with_no_frames()
    {
        var options = new FrameOptions(LengthHeader.Binary2);
        var (outcome, handler) = await Pump(options, []);

        Assert.True(outcome.IsClean);
        Assert.Equal(0, outcome.Frames);
        Assert.Empty(handler.Events);
    }

    [Fact]
    public async Task Peer_closing_right_after_a_keep_alive_is_a_clean_close()
    {
        var options = new FrameOptions(LengthHeader.Ascii4);
        var (outcome, handler) = await Pump(options, [FrameBytes.Stream(options, [Payload(5), null], default)]);

        Assert.True(outcome.IsClean);
        Assert.Equal(1, outcome.Frames);
        Assert.Equal([Convert.ToHexString(Payload(5)), KeepAlive], handler.Events);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(20)]
    public async Task Peer_closing_in_the_middle_of_a_frame_is_truncated(int bytesOfSecondFrame)
    {
        var options = new FrameOptions(LengthHeader.Binary2, tpdu: true);
        var first = FrameBytes.Frame(options, Payload(10), RequestTpdu);
        var second = FrameBytes.Frame(options, Payload(30), RequestTpdu);
        Assert.True(bytesOfSecondFrame < second.Length);

        var (outcome, handler) = await Pump(options, [first, second[..bytesOfSecondFrame]]);

        Assert.Equal(FrameStatus.Truncated, outcome.Status);
        Assert.False(outcome.IsClean);
        Assert.Equal(1, outcome.Frames);
        Assert.Equal([Convert.ToHexString(Payload(10))], handler.Events);
        Assert.Contains("middle of a frame", outcome.Reason(options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_length_over_the_maximum_stops_the_pump_with_too_large_and_a_reason_naming_both_numbers()
    {
        var options = new FrameOptions(LengthHeader.Binary2, maxFrame: 256);
        var good = FrameBytes.Frame(options, Payload(50), default);
        var oversized = FrameBytes.Header(options, 1000);
        var after = FrameBytes.Frame(options, Payload(3), default);

        var (outcome, handler) = await Pump(options, [good, oversized, Payload(40), after]);

        Assert.Equal(FrameStatus.TooLarge, outcome.Status);
        Assert.False(outcome.IsClean);
        Assert.Equal(1000, outcome.DeclaredLength);
        Assert.Equal(1, outcome.Frames);
        Assert.Equal([Convert.ToHexString(Payload(50))], handler.Events);
        var reason = outcome.Reason(options);
        Assert.Contains("1000", reason, StringComparison.Ordinal);
        Assert.Contains("256", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_header_stops_the_pump_without_waiting_for_the_body_or_the_close()
    {
        var options = new FrameOptions(LengthHeader.Ascii4, maxFrame: 100);
        var pipe = new Pipe();
        var handler = new RecordingHandler();
        var pump = FramePump.RunAsync(pipe.Reader, options, handler);

        await pipe.Writer.WriteAsync("0101"u8.ToArray());
        // The writer stays open: the pump must stop on the header alone. The timeout only turns a hang into a failure.
        var outcome = await pump.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(FrameStatus.TooLarge, outcome.Status);
        Assert.Equal(101, outcome.DeclaredLength);
        Assert.Equal(0, outcome.Frames);
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task Non_digit_ascii_header_stops_the_pump_with_bad_header()
    {
        var options = new FrameOptions(LengthHeader.Ascii4);
        var good = FrameBytes.Frame(options, Payload(8), default);

        var (outcome, handler) = await Pump(options, [good, "00x8"u8.ToArray(), Payload(8)]);

        Assert.Equal(FrameStatus.BadHeader, outcome.Status);
        Assert.False(outcome.IsClean);
        Assert.Equal(1, outcome.Frames);
        Assert.Equal([Convert.ToHexString(Payload(8))], handler.Events);
        Assert.Contains("4 ASCII digits", outcome.Reason(options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frame_shorter_than_its_tpdu_stops_the_pump_with_missing_tpdu()
    {
        var options = new FrameOptions(LengthHeader.Binary2, tpdu: true);
        var (outcome, handler) = await Pump(options, [[0x00, 0x03, 0x60, 0x00, 0x01]]);

        Assert.Equal(FrameStatus.MissingTpdu, outcome.Status);
        Assert.Equal(3, outcome.DeclaredLength);
        Assert.Equal(0, outcome.Frames);
        Assert.Empty(handler.Events);
        Assert.Contains("frame length 3", outcome.Reason(options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_frame_reaches_the_handler_with_its_own_tpdu()
    {
        var options = new FrameOptions(LengthHeader.Binary2, tpdu: true);
        var first = new Tpdu(0x60, 0x0001, 0x0002);
        var second = new Tpdu(0x60, 0x0003, 0x0004);
        byte[] stream = [.. FrameBytes.Frame(options, Payload(4), first), .. FrameBytes.Frame(options, Payload(6), second)];

        var (outcome, handler) = await Pump(options, [stream]);

        Assert.True(outcome.IsClean);
        Assert.Equal([first, second], handler.Tpdus);
    }

    [Fact]
    public async Task Cancelling_the_pump_while_it_waits_ends_it_cleanly()
    {
        var options = new FrameOptions(LengthHeader.Binary2);
        var pipe = new Pipe();
        var handler = new RecordingHandler();
        using var cancellation = new CancellationTokenSource();
        var pump = FramePump.RunAsync(pipe.Reader, options, handler, cancellation.Token);

        await pipe.Writer.WriteAsync(FrameBytes.Frame(options, Payload(9), default));
        await pipe.Writer.WriteAsync(new byte[] { 0x00 }); // half a header: the pump waits for more
        // The pipe hands data to the pump on the thread pool: cancel only once the whole frame was handled.
        await handler.FirstMessage.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        var outcome = await pump;

        Assert.True(outcome.IsClean);
        Assert.Equal(FrameStatus.Incomplete, outcome.Status);
        Assert.Equal(1, outcome.Frames);
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task After_each_read_the_handler_hears_how_many_bytes_of_an_unfinished_frame_wait()
    {
        var options = new FrameOptions(LengthHeader.Binary2);
        var whole = FrameBytes.Frame(options, Payload(10), default);
        var next = FrameBytes.Frame(options, Payload(20), default);
        var pipe = new Pipe();
        var handler = new RecordingHandler();
        var pump = FramePump.RunAsync(pipe.Reader, options, handler);

        // Each write waits for the pump's report of the one before, so no two reads merge.
        await pipe.Writer.WriteAsync(whole.Concat(next[..5]).ToArray());
        Assert.Equal(5, await handler.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        await pipe.Writer.WriteAsync(next.AsMemory(5));
        Assert.Equal(0, await handler.Received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        await pipe.Writer.CompleteAsync();

        Assert.Equal(2, (await pump).Frames);
        Assert.Equal(Expected([Payload(10), Payload(20)]), handler.Events);
    }

    /// <summary>Runs the pump over a pipe while a concurrent writer sends the chunks and then completes (the peer's close).</summary>
    private static async Task<(FrameOutcome Outcome, RecordingHandler Handler)> Pump(FrameOptions options, IEnumerable<byte[]> chunks)
    {
        var pipe = new Pipe();
        var handler = new RecordingHandler();
        var pump = FramePump.RunAsync(pipe.Reader, options, handler);
        var peer = Task.Run(async () =>
        {
            foreach (var chunk in chunks)
            {
                var result = await pipe.Writer.WriteAsync(chunk);
                if (result.IsCompleted)
                {
                    break; // the pump stopped reading
                }
            }

            await pipe.Writer.CompleteAsync();
        });

        var outcome = await pump;
        await pipe.Reader.CompleteAsync();
        await peer;
        return (outcome, handler);
    }

    private static List<string> Expected(IEnumerable<byte[]?> items) =>
        [.. items.Select(i => i is null ? KeepAlive : Convert.ToHexString(i))];

    private static byte[] Payload(int length) => FrameReaderTests.Payload(length);

    private sealed class RecordingHandler : IFrameHandler
    {
        public List<string> Events { get; } = [];

        public List<Tpdu> Tpdus { get; } = [];

        /// <summary>Completes when the first message has been handled.</summary>
        public TaskCompletionSource FirstMessage { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnMessage(in ReadOnlySequence<byte> message, Tpdu tpdu)
        {
            Events.Add(Convert.ToHexString(message.ToArray()));
            Tpdus.Add(tpdu);
            FirstMessage.TrySetResult();
        }

        public void OnKeepAlive() => Events.Add(KeepAlive);

        /// <summary>Each read's pending bytes, as <see cref="IFrameHandler.OnReceived"/> reported them.</summary>
        public Channel<long> Received { get; } = Channel.CreateUnbounded<long>();

        public void OnReceived(long pending) => Received.Writer.TryWrite(pending);
    }
}
