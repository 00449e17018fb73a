using Akka.Actor;
using Switch.Actors.Terminals.Keys;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Terminals;

/// <summary>What every terminal entity of a node shares.</summary>
/// <param name="Directory">Registered terminals and their merchants.</param>
/// <param name="Profile">The terminal port's message dialect.</param>
/// <param name="DuplicateWindow">How long an outcome is replayed to an exact retransmission.</param>
/// <param name="PassivateAfter">Idle time after which the entity asks to be passivated.</param>
/// <param name="Validator">The request rules.</param>
/// <param name="Rrns">The node's RRN generator (thread-safe, shared).</param>
/// <param name="PanTokens">The keyed PAN hash.</param>
/// <param name="TransactionProps">Makes the child that authorizes one validated request.</param>
/// <param name="ReversalQueues">The store-and-forward queue of an acquirer by name; null for one no longer configured.</param>
/// <param name="SnapshotEvery">Events between snapshots of the entity's state; recovery replays at most this many.</param>
/// <param name="ReversalWindow">
/// How long after its outcome a transaction that may have reached an acquirer can still be reversed
/// by the terminal (0400); null for <see cref="DefaultReversalWindow"/>. Older originals are answered 25.
/// </param>
/// <param name="ReversalMemoryLimit">
/// At most this many such transactions are remembered per terminal, the oldest forgotten first, so
/// a busy terminal's state and snapshot stay bounded.
/// </param>
/// <param name="DuplicateMemoryLimit">
/// At most this many answers (and answered reversals) per terminal are kept for retransmissions
/// within the duplicate window, the oldest forgotten first.
/// </param>
/// <param name="ChallengeWindow">
/// How long a challenge the terminal's cardholder is answering stays routable; null for
/// <see cref="DefaultChallengeWindow"/>. The card ends challenges sooner; this bounds the terminal's memory.
/// </param>
/// <param name="KeyCipher">Opens terminals' sealed master keys; null on a node that has none (a keyed terminal is then answered 63).</param>
/// <param name="Mac">Whether a terminal without a master key may send financial messages.</param>
public sealed record TerminalEntitySettings(
    TerminalDirectory Directory,
    IsoProfile Profile,
    TimeSpan DuplicateWindow,
    TimeSpan PassivateAfter,
    RequestValidator Validator,
    RrnGenerator Rrns,
    PanToken PanTokens,
    Func<Props> TransactionProps,
    Func<string, IActorRef?> ReversalQueues,
    int SnapshotEvery = 500,
    TimeSpan? ReversalWindow = null,
    int ReversalMemoryLimit = 1_000,
    TimeSpan? ChallengeWindow = null,
    int DuplicateMemoryLimit = 1_000,
    TerminalKeyCipher? KeyCipher = null,
    TerminalMacMode Mac = TerminalMacMode.Optional)
{
    /// <summary>Longer than a challenge lives at the card, resends included.</summary>
    public static TimeSpan DefaultChallengeWindow { get; } = TimeSpan.FromMinutes(30);

    /// <summary>A day: terminals reverse within the business day, usually within minutes.</summary>
    public static TimeSpan DefaultReversalWindow { get; } = TimeSpan.FromHours(24);
}
