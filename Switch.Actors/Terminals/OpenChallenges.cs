using Switch.Actors.Events;

namespace Switch.Actors.Terminals;

/// <summary>
/// The challenges a terminal's transactions are waiting on, by challenge id. Journaled, so a
/// cardholder's next step finds its transaction after a restart. Bounded in age and number: the
/// card decides whether a challenge is still alive; this only routes requests to it, and a
/// terminal that abandons challenges cannot grow its state without end.
/// </summary>
internal sealed class OpenChallenges
{
    /// <summary>More than a terminal's cardholders can be in the middle of at once.</summary>
    public const int MaxOpen = 32;

    private readonly Dictionary<string, ChallengeAwaited> _byId = new(StringComparer.Ordinal);
    private readonly long _windowMs;

    /// <param name="window">How long a challenge stays routable: longer than the card lets one live.</param>
    public OpenChallenges(TimeSpan window) => _windowMs = (long)window.TotalMilliseconds;

    public IEnumerable<ChallengeAwaited> All => _byId.Values;

    public bool IsOpen(string challengeId) => _byId.ContainsKey(challengeId);

    public void Open(ChallengeAwaited awaited, long nowUnixMs)
    {
        Prune(nowUnixMs);
        if (_byId.Count >= MaxOpen)
        {
            _byId.Remove(_byId.Values.MinBy(c => c.AtUnixMs)!.ChallengeId);
        }

        _byId[awaited.ChallengeId] = awaited;
    }

    public bool TryGet(string challengeId, long nowUnixMs, out ChallengeAwaited awaited)
    {
        Prune(nowUnixMs);
        return _byId.TryGetValue(challengeId, out awaited!);
    }

    /// <summary>The transaction reached its outcome: its challenge id leads nowhere now.</summary>
    public void CloseRrn(string rrn)
    {
        // Asked on every completion, and almost none challenged: then nothing is scanned.
        if (_byId.Count == 0)
        {
            return;
        }

        foreach (var challenge in _byId.Values.Where(c => string.Equals(c.Rrn, rrn, StringComparison.Ordinal)).ToList())
        {
            _byId.Remove(challenge.ChallengeId);
        }
    }

    private void Prune(long nowUnixMs)
    {
        if (_byId.Count == 0)
        {
            return;
        }

        foreach (var stale in _byId.Values.Where(c => nowUnixMs - c.AtUnixMs > _windowMs).ToList())
        {
            _byId.Remove(stale.ChallengeId);
        }
    }
}
