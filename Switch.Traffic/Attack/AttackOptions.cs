using System.Net;

namespace Switch.Traffic.Attack;

/// <summary>One attack: where, what, how many connections at once, for how long.</summary>
public sealed record AttackOptions
{
    public required IPEndPoint Target { get; init; }
    public required AttackKind Kind { get; init; }
    /// <summary>Attacking connections kept open at once; each reconnects as soon as the switch closes it.</summary>
    public int Connections { get; init; } = 100;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How often a slow-loris connection sends its next byte.</summary>
    public TimeSpan Trickle { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The TID the sign-on flood signs on (one no real terminal uses).</summary>
    public string Tid { get; init; } = "T9999999";
}
