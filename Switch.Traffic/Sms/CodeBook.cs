namespace Switch.Traffic.Sms;

/// <summary>
/// The latest code per challenge, for at most <c>capacity</c> challenges (the oldest forgotten
/// first), and the callers waiting for a code that has not come yet.
/// </summary>
internal sealed class CodeBook
{
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    // Challenge ids in order of first arrival; a resent code replaces the old one in place.
    private readonly Queue<string> _arrivals = new();
    private readonly Dictionary<string, List<TaskCompletionSource<string>>> _waiting = new(StringComparer.Ordinal);

    public CodeBook(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _codes.Count;
            }
        }
    }

    public void Put(string challengeId, string code)
    {
        List<TaskCompletionSource<string>>? waiters;
        lock (_lock)
        {
            if (_codes.TryAdd(challengeId, code))
            {
                _arrivals.Enqueue(challengeId);
                if (_arrivals.Count > _capacity)
                {
                    _codes.Remove(_arrivals.Dequeue());
                }
            }
            else
            {
                _codes[challengeId] = code;
            }

            _waiting.Remove(challengeId, out waiters);
        }

        // Waiters run their continuations asynchronously, so none runs on this (the request's) thread.
        foreach (var waiter in waiters ?? [])
        {
            waiter.TrySetResult(code);
        }
    }

    public string? Find(string challengeId)
    {
        lock (_lock)
        {
            return _codes.GetValueOrDefault(challengeId);
        }
    }

    /// <summary>The latest code, at once if it is here, else as soon as it arrives; null after <paramref name="timeout"/>.</summary>
    public async Task<string?> WaitAsync(string challengeId, TimeSpan timeout, CancellationToken cancellation)
    {
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_codes.TryGetValue(challengeId, out var code))
            {
                return code;
            }

            if (!_waiting.TryGetValue(challengeId, out var waiters))
            {
                _waiting[challengeId] = waiters = [];
            }

            waiters.Add(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellation).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            // A waiter that gave up leaves nothing behind, so waiting on unknown challenges stays bounded.
            Forget(challengeId, waiter);
        }
    }

    private void Forget(string challengeId, TaskCompletionSource<string> waiter)
    {
        lock (_lock)
        {
            if (_waiting.TryGetValue(challengeId, out var waiters) && waiters.Remove(waiter) && waiters.Count == 0)
            {
                _waiting.Remove(challengeId);
            }
        }
    }
}
