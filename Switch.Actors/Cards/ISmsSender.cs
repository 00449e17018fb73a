namespace Switch.Actors.Cards;

/// <summary>
/// Texts a one-time code to a cardholder's phone. Implementations report how delivery went rather
/// than throw, so a failed SMS is a logged outcome and never a crashed card entity.
/// </summary>
public interface ISmsSender
{
    Task<SmsDelivery> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>One text to send. Phone and text (which holds the code) never appear in its string form.</summary>
/// <param name="To">The phone number in clear, as bound to the card.</param>
/// <param name="Text">The message, holding the one-time code.</param>
/// <param name="ChallengeId">The challenge (field 62 tag CI) the code belongs to.</param>
public sealed record SmsMessage(string To, string Text, string ChallengeId)
{
    public override string ToString() => $"SmsMessage {{ ChallengeId = {ChallengeId} }}";
}

public enum SmsDeliveryStatus
{
    /// <summary>The gateway accepted the message (a 2xx answer).</summary>
    Delivered,

    /// <summary>Every attempt failed or the gateway refused it.</summary>
    Failed,

    /// <summary>No gateway is configured, so nothing was sent.</summary>
    NotConfigured,
}

/// <param name="Attempts">How many times the gateway was called.</param>
/// <param name="Detail">Why it failed (status code or error), never the phone or the code.</param>
public sealed record SmsDelivery(SmsDeliveryStatus Status, int Attempts, string? Detail = null);
