namespace Switch.Host.Terminals;

/// <summary>
/// Holds one connection to <c>max-sign-ons-per-minute</c> sign-ons (each costs a journal write): a
/// burst of that many, then one more every minute / N. A token bucket kept as one number (GCRA): the
/// instant the bucket would be full again. Times are <see cref="Environment.TickCount64"/> milliseconds.
/// </summary>
internal sealed class SignOnRate
{
    public const string Flood = "sign-on-flood";

    private const long Minute = 60_000;

    private readonly long _interval;
    private readonly long _burst;
    private long _full;

    public SignOnRate(int perMinute)
    {
        _interval = Minute / perMinute;
        _burst = (perMinute - 1) * _interval;
    }

    /// <summary>Takes a sign-on at <paramref name="now"/> from the allowance; false, taking nothing, when none is left.</summary>
    public bool TryTake(long now)
    {
        var full = Math.Max(_full, now);
        if (full - now > _burst)
        {
            return false;
        }

        _full = full + _interval;
        return true;
    }
}
