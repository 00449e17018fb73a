using System.Buffers;

namespace Switch.Fuzz.Targets;

/// <summary>Byte streams cut into chained buffer segments, the shape a pipe hands a reader.</summary>
internal static class Segments
{
    /// <summary>
    /// Cut points (ascending ends of each chunk, the last one the whole length) drawn from
    /// <paramref name="seed"/>: seed 0 cuts at every byte, others at random widths up to 2^(seed % 8).
    /// </summary>
    public static int[] Cuts(int seed, int length)
    {
        var cuts = new List<int>();
        var random = new Random(seed);
        var widest = 1 << (seed % 8);
        for (var end = 0; end < length;)
        {
            end = Math.Min(length, end + (seed == 0 ? 1 : 1 + random.Next(widest)));
            cuts.Add(end);
        }

        return [.. cuts];
    }

    /// <summary>The bytes from <paramref name="start"/> to <paramref name="end"/>, split where the cuts fall.</summary>
    public static ReadOnlySequence<byte> Between(byte[] data, IReadOnlyList<int> cuts, int start, int end)
    {
        if (start >= end)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        Segment? first = null;
        Segment? last = null;
        var from = start;
        foreach (var cut in cuts)
        {
            if (cut <= from)
            {
                continue;
            }

            var to = Math.Min(cut, end);
            var memory = new ReadOnlyMemory<byte>(data, from, to - from);
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
            from = to;
            if (from == end)
            {
                break;
            }
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
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
}
