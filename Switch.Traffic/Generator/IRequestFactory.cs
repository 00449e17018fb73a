namespace Switch.Traffic.Generator;

/// <summary>
/// What a terminal sends after sign-on: the seam where a scenario mix (challenges, declines,
/// reversals) plugs in. Called from several threads at once, one terminal per call.
/// </summary>
public interface IRequestFactory
{
    /// <summary>Writes one request into <paramref name="destination"/> (a frame's payload) and returns its length.</summary>
    int Write(Span<byte> destination, in RequestContext context);
}

/// <param name="Terminal">Index of the terminal in the run, from 0.</param>
/// <param name="Tid">Its terminal id, field 41.</param>
/// <param name="Stan">The STAN the answer will be matched by, field 11.</param>
/// <param name="Sequence">How many requests this terminal has sent before this one.</param>
/// <param name="UtcNow">Now, for field 7.</param>
public readonly record struct RequestContext(int Terminal, string Tid, int Stan, long Sequence, DateTime UtcNow);
