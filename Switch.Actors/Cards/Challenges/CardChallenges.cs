using Google.Protobuf;
using Switch.Actors.Events;

namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// The challenges of one card, event-sourced. The decisions (<see cref="Open"/>,
/// <see cref="SubmitPhone"/>, <see cref="SubmitCode"/>, <see cref="Resend"/>) change nothing: they
/// return the events to journal and the terminal's answer. <see cref="Apply"/> is the only change,
/// live after the events are durable and in recovery alike, so a challenge survives a restart or a
/// shard hand-off mid-flow exactly as it was.
/// Held, oldest first: every open challenge (at most <see cref="MaxOpen"/>) and those closed that
/// were opened within the last hour (at most the hourly cap), which count towards the cap and tell
/// a late request how its challenge ended.
/// </summary>
public sealed partial class CardChallenges
{
    /// <summary>Open challenges a card may have; opening one more supersedes the oldest.</summary>
    public const int MaxOpen = 8;

    /// <summary>The largest <see cref="ChallengeSettings.MaxPerHour"/>, so the closed ones held stay few.</summary>
    public const int MaxPerHourLimit = 100;

    private const long HourMs = 3_600_000;

    private readonly ChallengeSettings _settings;
    private readonly OneTimeCodes _codes;
    private readonly List<ChallengeRecord> _challenges = [];

    /// <param name="codes">Shared by every card; its digits must be <see cref="ChallengeSettings.CodeDigits"/>.</param>
    public CardChallenges(ChallengeSettings settings, OneTimeCodes codes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Digits != settings.CodeDigits)
        {
            throw new ArgumentException($"the codes have {codes.Digits} digits, the settings ask for {settings.CodeDigits}", nameof(codes));
        }

        _settings = settings;
        _codes = codes;
    }

    /// <summary>The transaction a challenge the card holds belongs to; null for one it does not hold.</summary>
    public string? RrnOf(string challengeId) => Find(challengeId)?.Rrn;

    /// <summary>Whether <paramref name="message"/> is one of the events <see cref="Apply"/> takes.</summary>
    public static bool IsChallengeEvent(IMessage message) =>
        message is ChallengeOpened or ChallengePhoneVerified or ChallengeCodeIssued or ChallengeAttemptFailed or ChallengeClosed;

    /// <summary>
    /// Changes the state by one journaled event. A journal is history: an event naming a challenge
    /// not open here (already closed, or pruned) changes nothing rather than fail recovery.
    /// </summary>
    /// <exception cref="ArgumentException">Not a challenge event (<see cref="IsChallengeEvent"/>).</exception>
    public void Apply(IMessage @event)
    {
        switch (@event)
        {
            case ChallengeOpened opened:
                Add(opened);
                break;
            case ChallengePhoneVerified verified when FindOpen(verified.ChallengeId) is { } challenge:
                challenge.Step = ChallengeStep.Otp;
                challenge.AttemptsLeft = verified.Attempts;
                break;
            case ChallengeCodeIssued issued when FindOpen(issued.ChallengeId) is { } challenge:
                if (!challenge.CodeHash.IsEmpty)
                {
                    challenge.Resends++;
                }

                challenge.CodeHash = issued.CodeHash;
                challenge.CodeIssuedAtUnixMs = issued.IssuedAtUnixMs;
                challenge.CodeExpiresAtUnixMs = issued.ExpiresAtUnixMs;
                break;
            case ChallengeAttemptFailed failed when FindOpen(failed.ChallengeId) is { } challenge:
                challenge.AttemptsLeft = Math.Max(0, challenge.AttemptsLeft - 1);
                break;
            case ChallengeClosed closed when FindOpen(closed.ChallengeId) is { } challenge:
                challenge.Closed = closed.Reason;
                // A closed challenge takes no code any more: its hash is of no use, so it is not kept.
                challenge.CodeHash = ByteString.Empty;
                break;
            case ChallengePhoneVerified or ChallengeCodeIssued or ChallengeAttemptFailed or ChallengeClosed:
                break;
            default:
                throw new ArgumentException($"{@event?.GetType().Name} is not a challenge event", nameof(@event));
        }
    }

    /// <summary>The state for the card entity's snapshot.</summary>
    public CardChallengesSnapshot ToSnapshot()
    {
        var snapshot = new CardChallengesSnapshot();
        snapshot.Challenges.AddRange(_challenges.Select(c => c.Clone()));
        return snapshot;
    }

    /// <summary>Replaces the state with a snapshot's; the events journaled after it are applied next.</summary>
    public void Restore(CardChallengesSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _challenges.Clear();
        _challenges.AddRange(snapshot.Challenges.Select(c => c.Clone()));
    }

    private void Add(ChallengeOpened opened)
    {
        // Closed challenges are held for the hourly cap only: those opened an hour before this one no longer count.
        _challenges.RemoveAll(c => c.Closed != ChallengeCloseReason.Unspecified && c.OpenedAtUnixMs <= opened.OpenedAtUnixMs - HourMs);
        if (Find(opened.ChallengeId) is not null)
        {
            return;
        }

        _challenges.Add(new ChallengeRecord
        {
            ChallengeId = opened.ChallengeId,
            Rrn = opened.Rrn,
            Tid = opened.Tid,
            OpenedAtUnixMs = opened.OpenedAtUnixMs,
            ExpiresAtUnixMs = opened.ExpiresAtUnixMs,
            Step = ChallengeStep.Phone,
            AttemptsLeft = opened.Attempts,
        });
    }

    private ChallengeRecord? Find(string challengeId) =>
        _challenges.Find(c => string.Equals(c.ChallengeId, challengeId, StringComparison.Ordinal));

    private ChallengeRecord? FindOpen(string challengeId) =>
        Find(challengeId) is { Closed: ChallengeCloseReason.Unspecified } challenge ? challenge : null;
}
