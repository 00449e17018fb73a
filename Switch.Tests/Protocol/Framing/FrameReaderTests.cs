using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using CsCheck;
using Switch.Protocol.Framing;

namespace Switch.Tests.Protocol.Framing;

public sealed class FrameReaderTests
{
    private static readonly Tpdu RequestTpdu = new(0x60, 0x0012, 0x0034);

    public static TheoryData<LengthHeader, bool> Framings => new()
    {
        { LengthHeader.Binary2, false },
        { LengthHeader.Binary2, true },
        { LengthHeader.Ascii4, false },
        { LengthHeader.Ascii4, true },
    };

    // ---- Whole frames however the bytes are segmented ----------------------------------------------

    [Theory]
    [MemberData(nameof(Framings))]
    public void Frame_split_into_two_segments_at_every_byte_boundary_is_read_whole(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        var payload = Payload(37);
        var frame = FrameBytes.Frame(options, payload, RequestTpdu);
        for (var split = 0; split <= frame.Length; split++)
        {
            var buffer = Segments.Sequence(frame[..split], frame[split..]);
            AssertReadsOneFrame(ref buffer, options, payload, tpdu ? RequestTpdu : default);
        }
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public void Frame_split_into_three_segments_at_every_pair_of_boundaries_is_read_whole(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        var payload = Payload(23);
        var frame = FrameBytes.Frame(options, payload, RequestTpdu);
        for (var first = 0; first <= frame.Length; first++)
        {
            for (var second = first; second <= frame.Length; second++)
            {
                var buffer = Segments.Sequence(frame[..first], frame[first..second], frame[second..]);
                AssertReadsOneFrame(ref buffer, options, payload, tpdu ? RequestTpdu : default);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public void Frame_with_every_byte_in_its_own_segment_is_read_whole(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        var payload = Payload(41);
        var frame = FrameBytes.Frame(options, payload, RequestTpdu);
        var buffer = Segments.Sequence([.. frame.Select(b => new[] { b })]);
        Assert.Equal(frame.Length, buffer.Length);
        Assert.False(buffer.IsSingleSegment);
        AssertReadsOneFrame(ref buffer, options, payload, tpdu ? RequestTpdu : default);
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public void Every_proper_prefix_of_a_frame_is_incomplete_and_consumes_nothing(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        var frame = FrameBytes.Frame(options, Payload(19), RequestTpdu);
        for (var length = 0; length < frame.Length; length++)
        {
            for (var split = 0; split <= length; split++)
            {
                var buffer = Segments.Sequence(frame[..split], frame[split..length]);
                var before = buffer;
                Assert.Equal(FrameStatus.Incomplete, FrameReader.TryRead(ref buffer, options, out var message, out _, out _));
                Assert.True(message.IsEmpty);
                Assert.Equal(before.Length, buffer.Length);
                Assert.Equal(before.Start, buffer.Start);
            }
        }
    }

    [Fact]
    public void Random_frames_and_keep_alives_in_random_segments_are_read_back_in_order()
    {
        var gen =
            from header in Gen.OneOf(Gen.Const(LengthHeader.Binary2), Gen.Const(LengthHeader.Ascii4))
            from tpdu in Gen.Bool
            from items in Gen.Frequency((1, Gen.Const((byte[]?)null)), (4, Gen.Byte.Array[1, 80].Select(b => (byte[]?)b))).Array[0, 10]
            from cuts in Gen.Int[1, 30].Array[1, 20]
            select (header, tpdu, items, cuts);
        gen.Sample(
            (header, tpdu, items, cuts) =>
            {
                var options = new FrameOptions(header, tpdu, maxFrame: 512);
                var stream = FrameBytes.Stream(options, items, RequestTpdu);
                var buffer = Segments.Sequence([.. Segments.Chunk(stream, cuts)]);

                foreach (var item in items)
                {
                    var status = FrameReader.TryRead(ref buffer, options, out var message, out var read, out _);
                    if (item is null)
                    {
                        Assert.Equal(FrameStatus.KeepAlive, status);
                        continue;
                    }

                    Assert.Equal(FrameStatus.Message, status);
                    Assert.Equal(item, message.ToArray());
                    Assert.Equal(tpdu ? RequestTpdu : default, read);
                }

                Assert.Equal(FrameStatus.Incomplete, FrameReader.TryRead(ref buffer, options, out _, out _, out _));
                Assert.True(buffer.IsEmpty);
            },
            iter: 1000);
    }

    // ---- Several frames in one read, keep-alives -------------------------------------------------

    [Theory]
    [MemberData(nameof(Framings))]
    public void Several_frames_and_keep_alives_in_one_read_come_out_one_per_call(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        byte[]?[] items = [Payload(10), null, Payload(1), null, null, Payload(200), null];
        var stream = FrameBytes.Stream(options, items, RequestTpdu);
        var buffer = new ReadOnlySequence<byte>(stream);

        var seen = new List<string>();
        FrameStatus status;
        while ((status = FrameReader.TryRead(ref buffer, options, out var message, out var read, out var declared)) is FrameStatus.Message or FrameStatus.KeepAlive)
        {
            if (status == FrameStatus.KeepAlive)
            {
                Assert.Equal(0, declared);
                seen.Add("keep-alive");
            }
            else
            {
                Assert.Equal(tpdu ? RequestTpdu : default, read);
                Assert.Equal(message.Length + options.TpduBytes, declared);
                seen.Add(Convert.ToHexString(message.ToArray()));
            }
        }

        Assert.Equal(FrameStatus.Incomplete, status);
        Assert.True(buffer.IsEmpty);
        Assert.Equal(items.Select(i => i is null ? "keep-alive" : Convert.ToHexString(i)), seen);
    }

    [Theory]
    [InlineData(LengthHeader.Binary2, "0000")]
    [InlineData(LengthHeader.Ascii4, "30303030")]
    public void Zero_length_frame_is_a_keep_alive_that_consumes_only_its_header(LengthHeader header, string keepAliveHex)
    {
        var options = new FrameOptions(header, tpdu: true);
        var output = new ArrayBufferWriter<byte>();
        FrameWriter.WriteKeepAlive(output, options);
        Assert.Equal(keepAliveHex, Convert.ToHexString(output.WrittenSpan));

        var buffer = new ReadOnlySequence<byte>([.. output.WrittenSpan, 0xAB]);
        Assert.Equal(FrameStatus.KeepAlive, FrameReader.TryRead(ref buffer, options, out var message, out _, out var declared));
        Assert.True(message.IsEmpty);
        Assert.Equal(0, declared);
        Assert.Equal([0xAB], buffer.ToArray());
    }

    // ---- Headers -----------------------------------------------------------------------------------

    [Fact]
    public void Four_digit_ascii_header_declares_the_frame_length_in_decimal()
    {
        var options = new FrameOptions(LengthHeader.Ascii4);
        var payload = Payload(12);
        var buffer = new ReadOnlySequence<byte>([.. "0012"u8, .. payload, .. "0003"u8]);

        Assert.Equal(FrameStatus.Message, FrameReader.TryRead(ref buffer, options, out var message, out _, out var declared));
        Assert.Equal(12, declared);
        Assert.Equal(payload, message.ToArray());
        Assert.Equal("0003"u8.ToArray(), buffer.ToArray());
    }

    [Fact]
    public void Frame_writer_writes_the_length_as_four_ascii_digits()
    {
        var options = new FrameOptions(LengthHeader.Ascii4, maxFrame: 9999);
        var payload = Payload(1234);
        Assert.Equal([.. "1234"u8, .. payload], FrameBytes.Written(options, payload, default));
    }

    [Fact]
    public void Frame_writer_writes_the_length_as_two_big_endian_bytes()
    {
        var options = new FrameOptions(LengthHeader.Binary2, maxFrame: 4096);
        var payload = Payload(0x0123);
        Assert.Equal([0x01, 0x23, .. payload], FrameBytes.Written(options, payload, default));
    }

    [Theory]
    [MemberData(nameof(Framings))]
    public void Frame_writer_writes_header_tpdu_and_payload_as_the_reader_expects(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        foreach (var length in new[] { 0, 1, 9, 10, 99, 100, 255, 256, 512 - options.TpduBytes })
        {
            var payload = Payload(length);
            var written = FrameBytes.Written(options, payload, RequestTpdu);
            Assert.Equal(FrameBytes.Frame(options, payload, RequestTpdu), written);
        }
    }

    [Theory]
    [InlineData("A012")]
    [InlineData("0A12")]
    [InlineData("00A2")]
    [InlineData("001A")]
    [InlineData(" 012")]
    [InlineData("001-")]
    [InlineData("+012")]
    public void Non_digit_in_an_ascii_header_is_a_bad_header_and_consumes_nothing(string header)
    {
        var options = new FrameOptions(LengthHeader.Ascii4);
        var buffer = new ReadOnlySequence<byte>([.. Encoding.ASCII.GetBytes(header), .. Payload(12)]);
        var length = buffer.Length;

        Assert.Equal(FrameStatus.BadHeader, FrameReader.TryRead(ref buffer, options, out var message, out _, out _));
        Assert.True(message.IsEmpty);
        Assert.Equal(length, buffer.Length);
    }

    [Theory]
    [InlineData(LengthHeader.Binary2, 256, 257)]
    [InlineData(LengthHeader.Binary2, 256, 65535)]
    [InlineData(LengthHeader.Ascii4, 256, 257)]
    [InlineData(LengthHeader.Ascii4, 4096, 9999)]
    public void Declared_length_over_the_maximum_is_too_large_as_soon_as_the_header_arrives(LengthHeader header, int maxFrame, int declaredLength)
    {
        var options = new FrameOptions(header, maxFrame: maxFrame);
        var buffer = new ReadOnlySequence<byte>(FrameBytes.Header(options, declaredLength));

        Assert.Equal(FrameStatus.TooLarge, FrameReader.TryRead(ref buffer, options, out _, out _, out var declared));
        Assert.Equal(declaredLength, declared);
        Assert.Equal(options.HeaderBytes, buffer.Length);
    }

    [Theory]
    [InlineData(LengthHeader.Binary2)]
    [InlineData(LengthHeader.Ascii4)]
    public void Declared_length_equal_to_the_maximum_is_accepted(LengthHeader header)
    {
        var options = new FrameOptions(header, maxFrame: 300);
        var payload = Payload(300);
        var buffer = new ReadOnlySequence<byte>(FrameBytes.Frame(options, payload, default));

        Assert.Equal(FrameStatus.Message, FrameReader.TryRead(ref buffer, options, out var message, out _, out var declared));
        Assert.Equal(300, declared);
        Assert.Equal(payload, message.ToArray());
    }

    // ---- TPDU --------------------------------------------------------------------------------------

    [Fact]
    public void Tpdu_is_read_from_the_frame_and_the_reply_carries_it_swapped()
    {
        var options = new FrameOptions(LengthHeader.Binary2, tpdu: true);
        var request = Payload(20);
        var buffer = new ReadOnlySequence<byte>([0x00, 25, 0x60, 0x00, 0x12, 0x00, 0x34, .. request]);

        Assert.Equal(FrameStatus.Message, FrameReader.TryRead(ref buffer, options, out var message, out var tpdu, out var declared));
        Assert.Equal(25, declared);
        Assert.Equal(new Tpdu(0x60, 0x0012, 0x0034), tpdu);
        Assert.Equal(request, message.ToArray());
        Assert.Equal("6000120034", tpdu.ToString());

        var reply = tpdu.Swapped();
        Assert.Equal(new Tpdu(0x60, 0x0034, 0x0012), reply);
        Assert.Equal(tpdu, reply.Swapped());

        var response = Payload(7);
        var output = new ArrayBufferWriter<byte>();
        var writer = new FrameWriter(output, options, reply);
        response.CopyTo(writer.Payload);
        writer.Complete(response.Length);
        Assert.Equal([0x00, 12, 0x60, 0x00, 0x34, 0x00, 0x12, .. response], output.WrittenSpan.ToArray());

        var replyBuffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.Equal(FrameStatus.Message, FrameReader.TryRead(ref replyBuffer, options, out var replyMessage, out var replyTpdu, out _));
        Assert.Equal(reply, replyTpdu);
        Assert.Equal(response, replyMessage.ToArray());
    }

    [Theory]
    [InlineData(LengthHeader.Binary2, 1)]
    [InlineData(LengthHeader.Binary2, 4)]
    [InlineData(LengthHeader.Ascii4, 2)]
    [InlineData(LengthHeader.Ascii4, 4)]
    public void Frame_shorter_than_a_tpdu_is_missing_tpdu(LengthHeader header, int declaredLength)
    {
        var options = new FrameOptions(header, tpdu: true);
        var bytes = FrameBytes.Header(options, declaredLength).Concat(Payload(declaredLength)).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Equal(FrameStatus.MissingTpdu, FrameReader.TryRead(ref buffer, options, out var message, out _, out var declared));
        Assert.Equal(declaredLength, declared);
        Assert.True(message.IsEmpty);
        Assert.Equal(bytes.Length, buffer.Length);
    }

    [Fact]
    public void Frame_without_tpdu_option_of_under_five_bytes_is_a_message()
    {
        var options = new FrameOptions(LengthHeader.Binary2, tpdu: false);
        var buffer = new ReadOnlySequence<byte>([0x00, 0x03, 0x01, 0x02, 0x03]);

        Assert.Equal(FrameStatus.Message, FrameReader.TryRead(ref buffer, options, out var message, out var tpdu, out _));
        Assert.Equal([0x01, 0x02, 0x03], message.ToArray());
        Assert.Equal(default, tpdu);
    }

    // ---- A real pipe -------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Framings))]
    public async Task Frames_written_to_a_pipe_one_byte_at_a_time_are_read_whole_with_consumed_and_examined(LengthHeader header, bool tpdu)
    {
        var options = new FrameOptions(header, tpdu, maxFrame: 512);
        byte[]?[] items = [Payload(30), null, Payload(1), Payload(120), null];
        var stream = FrameBytes.Stream(options, items, RequestTpdu);
        var seen = await ReadThroughPipe(options, Segments.Chunk(stream, [1]));
        Assert.Equal(items.Select(i => i is null ? "keep-alive" : Convert.ToHexString(i)), seen);
    }

    [Fact]
    public async Task Frames_written_to_a_pipe_in_random_chunks_are_read_whole()
    {
        var gen =
            from tpdu in Gen.Bool
            from items in Gen.Frequency((1, Gen.Const((byte[]?)null)), (4, Gen.Byte.Array[1, 100].Select(b => (byte[]?)b))).Array[1, 8]
            from cuts in Gen.Int[1, 64].Array[1, 10]
            select (tpdu, items, cuts);
        await gen.SampleAsync(
            async t =>
            {
                var options = new FrameOptions(LengthHeader.Binary2, t.tpdu, maxFrame: 512);
                var stream = FrameBytes.Stream(options, t.items, RequestTpdu);
                var seen = await ReadThroughPipe(options, Segments.Chunk(stream, t.cuts));
                Assert.Equal(t.items.Select(i => i is null ? "keep-alive" : Convert.ToHexString(i)), seen);
            },
            iter: 300);
    }

    /// <summary>
    /// Writes each chunk, then reads what is there as a connection loop does: every whole frame, then
    /// AdvanceTo(consumed: buffer.Start, examined: buffer.End) so that the next read waits for more bytes.
    /// </summary>
    private static async Task<List<string>> ReadThroughPipe(FrameOptions options, IEnumerable<byte[]> chunks)
    {
        var pipe = new Pipe();
        var seen = new List<string>();
        foreach (var chunk in chunks)
        {
            await pipe.Writer.WriteAsync(chunk);
            var result = await pipe.Reader.ReadAsync();
            Drain(result.Buffer);
        }

        await pipe.Writer.CompleteAsync();
        var last = await pipe.Reader.ReadAsync();
        Assert.True(last.IsCompleted);
        Assert.True(last.Buffer.IsEmpty, $"{last.Buffer.Length} bytes left over");
        pipe.Reader.AdvanceTo(last.Buffer.End);
        await pipe.Reader.CompleteAsync();
        return seen;

        void Drain(ReadOnlySequence<byte> buffer)
        {
            FrameStatus status;
            while ((status = FrameReader.TryRead(ref buffer, options, out var message, out _, out _)) is FrameStatus.Message or FrameStatus.KeepAlive)
            {
                seen.Add(status == FrameStatus.KeepAlive ? "keep-alive" : Convert.ToHexString(message.ToArray()));
            }

            Assert.Equal(FrameStatus.Incomplete, status);
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static void AssertReadsOneFrame(ref ReadOnlySequence<byte> buffer, FrameOptions options, byte[] payload, Tpdu tpdu)
    {
        Assert.Equal(FrameStatus.Message, FrameReader.TryRead(ref buffer, options, out var message, out var read, out var declared));
        Assert.Equal(payload, message.ToArray());
        Assert.Equal(tpdu, read);
        Assert.Equal(payload.Length + options.TpduBytes, declared);
        Assert.True(buffer.IsEmpty);
    }

    internal static byte[] Payload(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7) + 1))];
}

/// <summary>Frames built by hand (not with <see cref="FrameWriter"/>), so that reader and writer are each checked against the format.</summary>
internal static class FrameBytes
{
    public static byte[] Header(FrameOptions options, int length)
    {
        if (options.Header == LengthHeader.Ascii4)
        {
            return Encoding.ASCII.GetBytes(length.ToString("D4", CultureInfo.InvariantCulture));
        }

        var header = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(header, (ushort)length);
        return header;
    }

    public static byte[] Frame(FrameOptions options, byte[] payload, Tpdu tpdu)
    {
        var tpduBytes = new byte[options.TpduBytes];
        if (options.Tpdu)
        {
            tpduBytes[0] = tpdu.Id;
            BinaryPrimitives.WriteUInt16BigEndian(tpduBytes.AsSpan(1), tpdu.Destination);
            BinaryPrimitives.WriteUInt16BigEndian(tpduBytes.AsSpan(3), tpdu.Source);
        }

        return [.. Header(options, tpduBytes.Length + payload.Length), .. tpduBytes, .. payload];
    }

    /// <summary>The same frame as <see cref="FrameWriter"/> writes it.</summary>
    public static byte[] Written(FrameOptions options, byte[] payload, Tpdu tpdu)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new FrameWriter(output, options, tpdu);
        payload.CopyTo(writer.Payload);
        writer.Complete(payload.Length);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A byte stream of frames; a null item is a keep-alive.</summary>
    public static byte[] Stream(FrameOptions options, IEnumerable<byte[]?> items, Tpdu tpdu) =>
        [.. items.SelectMany(item => item is null ? Header(options, 0) : Frame(options, item, tpdu))];
}

/// <summary>Multi-segment sequences, as a pipe hands them out when bytes arrive in pieces.</summary>
internal sealed class Segments : ReadOnlySequenceSegment<byte>
{
    private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    /// <summary>One segment per part, each part in its own array (empty parts included).</summary>
    public static ReadOnlySequence<byte> Sequence(params byte[][] parts)
    {
        var first = new Segments(parts.Length == 0 ? Array.Empty<byte>() : (byte[])parts[0].Clone(), 0);
        var last = first;
        for (var i = 1; i < parts.Length; i++)
        {
            var next = new Segments((byte[])parts[i].Clone(), last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Cuts <paramref name="bytes"/> into chunks whose sizes cycle through <paramref name="sizes"/>.</summary>
    public static IEnumerable<byte[]> Chunk(byte[] bytes, int[] sizes)
    {
        var position = 0;
        for (var i = 0; position < bytes.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], bytes.Length - position);
            yield return bytes[position..(position + size)];
            position += size;
        }
    }
}
