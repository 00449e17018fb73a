using Switch.Actors.Transactions;

namespace Switch.Actors.Terminals;

/// <summary>
/// The answers to a terminal's recent requests by their exact identity, kept for as long as an
/// exact retransmission must get the same answer again (the duplicate window) and at most
/// <paramref name="limit"/> of them, oldest forgotten first. The limit keeps a terminal sending
/// hundreds a second (a load test, a hostile one) from holding, and snapshotting, minutes of answers;
/// a terminal retransmits its latest requests, never one a thousand back.
/// </summary>
internal sealed class AnswerWindow<T>(TimeSpan window, int limit)
    where T : class
{
    private readonly Dictionary<DuplicateKey, (long AtUnixMs, T Answer)> _answers = [];
    private readonly Queue<(long AtUnixMs, DuplicateKey Key)> _byAge = new();

    /// <summary>The answers still held, oldest first, as a snapshot lists them.</summary>
    public IEnumerable<T> Answers => _answers.Values.OrderBy(a => a.AtUnixMs).Select(a => a.Answer);

    /// <summary>Records an answer given at <paramref name="atUnixMs"/> and forgets those older than the window.</summary>
    public void Remember(DuplicateKey key, long atUnixMs, T answer, long nowUnixMs)
    {
        _answers[key] = (atUnixMs, answer);
        _byAge.Enqueue((atUnixMs, key));
        var oldest = nowUnixMs - (long)window.TotalMilliseconds;
        while (_byAge.TryPeek(out var entry) && (entry.AtUnixMs < oldest || _answers.Count > limit))
        {
            _byAge.Dequeue();
            // A key answered again later has a younger entry further on: that one decides.
            if (_answers.TryGetValue(entry.Key, out var stored) && stored.AtUnixMs == entry.AtUnixMs)
            {
                _answers.Remove(entry.Key);
            }
        }
    }

    public bool TryGet(DuplicateKey key, long nowUnixMs, out T answer)
    {
        if (_answers.TryGetValue(key, out var stored) && stored.AtUnixMs >= nowUnixMs - (long)window.TotalMilliseconds)
        {
            answer = stored.Answer;
            return true;
        }

        answer = null!;
        return false;
    }
}
