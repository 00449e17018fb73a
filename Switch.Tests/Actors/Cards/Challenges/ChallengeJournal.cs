using Google.Protobuf;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;

namespace Switch.Tests.Actors.Cards.Challenges;

/// <summary>
/// A card entity's part in a challenge, without the actor: every decision's events are "journaled"
/// (kept as bytes, as a journal would) and then applied, as the card entity does once they are durable.
/// </summary>
internal sealed class ChallengeJournal
{
    public const string Tid = "T0000001";
    public const string OtherTid = "T0000002";
    public const string Rrn = "633412000001";

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly byte[] CodeKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    public ChallengeJournal(ChallengeSettings? settings = null)
    {
        Settings = settings ?? ChallengeSettings.Default;
        Codes = new OneTimeCodes(CodeKey, Settings.CodeDigits);
        Card = new CardChallenges(Settings, Codes);
    }

    public ChallengeSettings Settings { get; }

    public OneTimeCodes Codes { get; }

    public CardChallenges Card { get; }

    public List<(string Manifest, byte[] Bytes)> Events { get; } = [];

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>Journals and applies the decision's events; returns the decision.</summary>
    public ChallengeDecision Persist(ChallengeDecision decision)
    {
        foreach (var e in decision.Events)
        {
            Events.Add((e.Descriptor.FullName, e.ToByteArray()));
            Card.Apply(e);
        }

        return decision;
    }

    public ChallengeDecision Open(string id, double atSeconds = 0, string tid = Tid, bool phoneBound = true) =>
        Persist(Card.Open(id, Rrn, tid, phoneBound, At(atSeconds)));

    public ChallengeDecision Phone(string id, bool matches, double atSeconds, string tid = Tid) =>
        Persist(Card.SubmitPhone(id, tid, matches, At(atSeconds)));

    public ChallengeDecision Code(string id, string code, double atSeconds, string tid = Tid) =>
        Persist(Card.SubmitCode(id, tid, code, At(atSeconds)));

    public ChallengeDecision Resend(string id, double atSeconds, string tid = Tid) =>
        Persist(Card.Resend(id, tid, At(atSeconds)));

    /// <summary>A challenge opened at <paramref name="atSeconds"/> and at the OTP step right after; returns the code texted.</summary>
    public string OpenToOtp(string id, double atSeconds = 0)
    {
        Open(id, atSeconds);
        return Phone(id, matches: true, atSeconds).Code!;
    }

    /// <summary>A new card entity recovering from the journal's bytes: from a snapshot, then the events after the first <paramref name="skip"/>.</summary>
    public CardChallenges Replay(CardChallengesSnapshot? snapshot = null, int skip = 0)
    {
        var card = new CardChallenges(Settings, Codes);
        if (snapshot is not null)
        {
            card.Restore(CardChallengesSnapshot.Parser.ParseFrom(snapshot.ToByteArray()));
        }

        foreach (var e in Parsed().Skip(skip))
        {
            card.Apply(e);
        }

        return card;
    }

    public IEnumerable<IMessage> Parsed() => Events.Select(e =>
        ChallengeEventsReflection.Descriptor.MessageTypes.Single(m => m.FullName == e.Manifest).Parser.ParseFrom(e.Bytes));
}
