namespace Switch.Actors.Cards.Challenges;

/// <summary>
/// The limits of cardholder challenges. Defaults are DESIGN.md's ("Phone / OTP challenge"), and
/// <see cref="MaxResends"/>, which it leaves open, is 3. Every value is bounded, so no setting can
/// make a counter or a card's list of challenges grow without limit; a value out of range throws
/// <see cref="ArgumentOutOfRangeException"/> naming the property.
/// </summary>
public sealed record ChallengeSettings
{
    public static ChallengeSettings Default { get; } = new();

    /// <summary>Digits of a one-time code (4–9).</summary>
    public int CodeDigits
    {
        get;
        init => field = InRange(value, OneTimeCodes.MinDigits, OneTimeCodes.MaxDigits);
    } = 6;

    /// <summary>How long a code is valid after it is texted: the OTP step's deadline (30 s – 1 h).</summary>
    public TimeSpan CodeValidity
    {
        get;
        init => field = InRange(value, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
    } = TimeSpan.FromMinutes(5);

    /// <summary>Tries at each step, PHONE and OTP (1–10). Resending a code never gives more.</summary>
    public int AttemptsPerStep
    {
        get;
        init => field = InRange(value, 1, 10);
    } = 3;

    /// <summary>How long after a code is texted another may be asked for (0 – 10 min).</summary>
    public TimeSpan ResendCooldown
    {
        get;
        init => field = InRange(value, TimeSpan.Zero, TimeSpan.FromMinutes(10));
    } = TimeSpan.FromSeconds(60);

    /// <summary>Codes texted after the first, per challenge (0–10): each costs an SMS, and each renews the OTP deadline.</summary>
    public int MaxResends
    {
        get;
        init => field = InRange(value, 0, 10);
    } = 3;

    /// <summary>Challenges opened per card in any sliding hour (1–100).</summary>
    public int MaxPerHour
    {
        get;
        init => field = InRange(value, 1, CardChallenges.MaxPerHourLimit);
    } = 5;

    /// <summary>How long the PHONE step waits for a phone (30 s – 1 h).</summary>
    public TimeSpan Lifetime
    {
        get;
        init => field = InRange(value, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));
    } = TimeSpan.FromMinutes(5);

    public UnboundCardPolicy UnboundCard
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(UnboundCard), value, "not a policy");
    } = UnboundCardPolicy.Decline;

    private static T InRange<T>(T value, T min, T max, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
        where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
        }

        return value;
    }
}
