using System.Threading.Channels;
using Switch.Actors.Acquirers;

namespace Switch.Tests.Support;

/// <summary>Stands in for the link actor: records what a transport reports, for tests to await.</summary>
internal sealed class RecordingLinkEvents : ILinkTransportEvents
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly Channel<byte[]> _messages = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource<string> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closedCount;
    private int _messagesAfterClose;

    public int ClosedCount => Volatile.Read(ref _closedCount);

    public int MessagesAfterClose => Volatile.Read(ref _messagesAfterClose);

    public bool IsClosed => _closed.Task.IsCompleted;

    public void OnMessage(byte[] message)
    {
        if (IsClosed)
        {
            Interlocked.Increment(ref _messagesAfterClose);
        }

        _messages.Writer.TryWrite(message);
    }

    public void OnClosed(string reason)
    {
        Interlocked.Increment(ref _closedCount);
        _closed.TrySetResult(reason);
    }

    public async Task<byte[]> NextMessageAsync() => await _messages.Reader.ReadAsync().AsTask().WaitAsync(Wait);

    /// <summary>The close reason, once OnClosed has been raised.</summary>
    public Task<string> ClosedAsync() => _closed.Task.WaitAsync(Wait);
}
