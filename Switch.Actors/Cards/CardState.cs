using Switch.Actors.Cards.Challenges;
using Switch.Actors.Events;
using Switch.Actors.Risk;

namespace Switch.Actors.Cards;

/// <summary>What a card entity knows: the bound phone (sealed) and consent, the card's activity, and its challenges.</summary>
internal sealed class CardState
{
    public CardState(CardChallenges challenges)
    {
        Challenges = challenges;
    }

    /// <summary>The bound phone sealed under the card's token; null when none is bound.</summary>
    public byte[]? SealedPhone { get; private set; }

    public bool Consent { get; private set; }

    public CardActivity Activity { get; private set; } = new();

    public CardChallenges Challenges { get; }

    public void Bound(CardPhoneBound bound)
    {
        SealedPhone = bound.SealedPhone.ToByteArray();
        Consent = bound.Consent;
    }

    public CardSnapshot ToSnapshot() => new()
    {
        SealedPhone = SealedPhone is null ? Google.Protobuf.ByteString.Empty : Google.Protobuf.ByteString.CopyFrom(SealedPhone),
        Consent = Consent,
        Activity = Activity.ToSnapshot(),
        Challenges = Challenges.ToSnapshot(),
    };

    public void Restore(CardSnapshot snapshot)
    {
        SealedPhone = snapshot.SealedPhone.IsEmpty ? null : snapshot.SealedPhone.ToByteArray();
        Consent = snapshot.Consent;
        Activity = snapshot.Activity is null ? new CardActivity() : CardActivity.FromSnapshot(snapshot.Activity);
        if (snapshot.Challenges is not null)
        {
            Challenges.Restore(snapshot.Challenges);
        }
    }
}
