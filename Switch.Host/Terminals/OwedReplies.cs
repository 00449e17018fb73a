namespace Switch.Host.Terminals;

/// <summary>
/// The requests one connection has handed to terminal entities and not yet had answered. When the
/// node stops, the connection waits for them (within the drain timeout) before it closes, so a
/// purchase already at the acquirer reaches its terminal instead of ending in a retransmission.
/// </summary>
internal sealed class OwedReplies
{
    private int _owed;
    private TaskCompletionSource? _drained;

    public void Asked() => Interlocked.Increment(ref _owed);

    public void Answered()
    {
        if (Interlocked.Decrement(ref _owed) <= 0)
        {
            Volatile.Read(ref _drained)?.TrySetResult();
        }
    }

    /// <summary>Waits until every request asked so far is answered; false when <paramref name="timeout"/> ran out first.</summary>
    public async Task<bool> DrainAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _drained, drained);
        // Read after publishing the source: an answer racing this either sees the source or left zero here.
        if (Volatile.Read(ref _owed) <= 0)
        {
            return true;
        }

        try
        {
            await drained.Task.WaitAsync(timeout, cancellation).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    public int Count => Volatile.Read(ref _owed);
}
