using System.Buffers;
using System.IO.Pipelines;

namespace Switch.Fuzz.Targets;

/// <summary>
/// A <see cref="PipeReader"/> that hands out a byte stream in given chunks, one more chunk per read
/// once everything delivered has been examined, as a socket would; each chunk is its own buffer
/// segment, so frames straddle segments where the cuts fall. Every read completes at once, so a
/// <see cref="Protocol.Framing.FramePump"/> over it runs to the end without ever waiting.
/// </summary>
internal sealed class ChunkedPipeReader(byte[] data, IReadOnlyList<int> cuts) : PipeReader
{
    private int _consumed;
    private int _examined;
    private int _delivered;
    private int _nextCut;
    private ReadOnlySequence<byte> _last;

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_examined >= _delivered && _nextCut < cuts.Count)
        {
            _delivered = cuts[_nextCut++];
        }

        _last = Segments.Between(data, cuts, _consumed, _delivered);
        return ValueTask.FromResult(new ReadResult(_last, isCanceled: false, isCompleted: _delivered == data.Length));
    }

    public override bool TryRead(out ReadResult result)
    {
        result = default;
        return false;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        var start = _consumed;
        _consumed = start + (int)_last.Slice(_last.Start, consumed).Length;
        _examined = start + (int)_last.Slice(_last.Start, examined).Length;
        if (_examined < _consumed)
        {
            throw new FuzzFindingException($"examined ({_examined}) behind consumed ({_consumed})");
        }
    }

    public override void CancelPendingRead()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }
}
