namespace Switch.Traffic.Generator.Recovery;

/// <summary>
/// Terminals that recover from a lost switch as a POS does (<c>--recover</c>): reconnect and sign on
/// again, retransmit an unanswered request exactly, then reverse it, and record how each request ended.
/// </summary>
public sealed record RecoveryOptions
{
    /// <summary>Exact retransmissions of an unanswered request before the terminal reverses it (0400, repeated as 0401).</summary>
    public int Retransmits { get; init; } = 3;

    /// <summary>How long after the sending window a terminal keeps trying to settle its last request before leaving it unresolved.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where each request's outcome goes, one JSON line per request (<see cref="RequestOutcome"/>); none when null.</summary>
    public string? OutcomesPath { get; init; }

    /// <summary>The first problem found, naming the option it comes from; null when the options can run.</summary>
    public string? Validate(RunOptions run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.ClosedLoop || run.Pipeline != 1)
        {
            return "--recover: runs closed loop with --pipeline 1 (a terminal settles one request before the next)";
        }

        if (run.Scenarios is not null)
        {
            return "--recover: sends plain purchases; leave out --mix";
        }

        if (run.Tls is not null || run.Mac)
        {
            return "--recover: speaks plain TCP without MACs; leave out --tls and --mac";
        }

        if (Retransmits is < 0 or > 100)
        {
            return "--retransmits: must be 0..100";
        }

        return GiveUpAfter <= TimeSpan.Zero ? "--give-up: must be positive" : null;
    }
}
