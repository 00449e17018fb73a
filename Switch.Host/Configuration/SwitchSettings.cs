using System.Net;
using Switch.Actors.Acquirers;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Fees;
using Switch.Actors.Offers;
using Switch.Actors.Registry;
using Switch.Actors.Risk;
using Switch.Actors.Terminals.Keys;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Host.Configuration;

/// <summary>The node's settings, read and validated from <c>switch { ... }</c> (see hocon/switch.conf).</summary>
public sealed record SwitchSettings(
    int NodeId,
    SecuritySettings Security,
    TerminalListenerSettings Terminals,
    IReadOnlyList<AcquirerLinkSettings> Acquirers,
    ReversalQueueSettings Reversals,
    JournalSettings Journal,
    AdminSettings Admin,
    ClusterSettings Cluster,
    SmsSettings Sms,
    RegistrySettings Registry,
    CardSettings Cards,
    ChallengeConfig Challenge,
    RiskSettings Risk,
    OfferCatalog Offers,
    IReadOnlyList<FeePlanSeed> FeePlans,
    Actors.Routing.RoutingTable Routing)
{
    /// <summary>TLS of the acquirer links that have it, by acquirer name.</summary>
    public IReadOnlyDictionary<string, Tls.LinkTlsSettings> AcquirerTls { get; init; } = new Dictionary<string, Tls.LinkTlsSettings>();
}

/// <summary>Card entities (<c>switch.cards</c>).</summary>
/// <param name="AskTimeout">How long a transaction waits for its card before answering 96.</param>
public sealed record CardSettings(TimeSpan PassivateAfter, TimeSpan AskTimeout);

/// <summary>The cardholder challenge (<c>switch.challenge</c>): its limits and the SMS text.</summary>
public sealed record ChallengeConfig(ChallengeSettings Rules, string SmsText);

/// <summary>The terminal port (<c>switch.terminals</c>).</summary>
/// <param name="DrainTimeout">When the node stops, how long a connection waits for the answers to the requests it read before it closes.</param>
public sealed record TerminalListenerSettings(
    IPEndPoint Listen,
    IsoProfile Profile,
    FrameOptions Framing,
    TimeSpan DuplicateWindow,
    int DuplicateMemory,
    TimeSpan ReversalWindow,
    int ReversalMemory,
    TimeSpan PassivateAfter,
    long MaxAmount,
    TerminalLimits Limits,
    TimeSpan DrainTimeout)
{
    /// <summary>TLS on the port (<c>tls</c>); null for plain TCP.</summary>
    public Tls.TerminalTlsSettings? Tls { get; init; }

    /// <summary>Whether a terminal without a master key may send financial messages (<c>mac</c>).</summary>
    public TerminalMacMode Mac { get; init; } = TerminalMacMode.Optional;
}

/// <summary>What the terminal port tolerates before it refuses or closes a connection (<c>switch.terminals</c>).</summary>
/// <param name="MaxConnections">Connections open at once on this node.</param>
/// <param name="MaxConnectionsPerAddress">Connections open at once from one source address; 0 for no such limit.</param>
/// <param name="IdleTimeout">A connection that sends no byte for this long is closed.</param>
/// <param name="FrameTimeout">A frame begun must be complete within this.</param>
/// <param name="MaxSignOnsPerMinute">Sign-ons (0800, field 70 = 001) one connection may send: a burst of this many, then one every minute / N.</param>
public sealed record TerminalLimits(int MaxConnections, int MaxConnectionsPerAddress, TimeSpan IdleTimeout, TimeSpan FrameTimeout, int MaxSignOnsPerMinute);

/// <summary>Keys the node holds, kept as bytes and never logged.</summary>
/// <param name="PanTokenKey">Keyed hash standing for a PAN (HMAC-SHA256).</param>
/// <param name="PhoneKey">Seals bound phones at rest (AES-256-GCM).</param>
/// <param name="OtpKey">Keyed hash one-time codes are kept as (HMAC-SHA256).</param>
/// <param name="TerminalKeyEncryptionKey">Seals terminals' MAC master keys at rest (AES-256-GCM).</param>
public sealed record SecuritySettings(byte[] PanTokenKey, byte[] PhoneKey, byte[] OtpKey, byte[] TerminalKeyEncryptionKey)
{
    public override string ToString() => "SecuritySettings { keys hidden }";
}

/// <summary>How every acquirer's store-and-forward queue repeats reversals (<c>switch.reversals</c>).</summary>
public sealed record ReversalQueueSettings(TimeSpan RetryMin, TimeSpan RetryMax, int MaxInFlight, TimeSpan AnsweredMemory);

public enum JournalProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>How hard an SQLite commit pushes to disk (<c>PRAGMA synchronous</c>, WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is fsynced: an acknowledged event survives a power loss.</summary>
    Full,

    /// <summary>Commits reach the OS, fsync waits for checkpoints: survives a crash of the process, not of the machine.</summary>
    Normal,
}

/// <summary>Which write journal an SQLite node uses (<c>switch.journal.sqlite-writer</c>); both write the same tables.</summary>
public enum SqliteWriter
{
    /// <summary>The switch's own: one writer thread, one transaction and one fsync per group of queued batches.</summary>
    GroupCommit,

    /// <summary>Akka.Persistence.Sql's journal.</summary>
    AkkaSql,
}

/// <param name="Synchronous">SQLite only; ignored for PostgreSQL.</param>
/// <param name="Writer">SQLite only; ignored for PostgreSQL.</param>
public sealed record JournalSettings(JournalProvider Provider, string ConnectionString, SqliteSynchronous Synchronous = SqliteSynchronous.Full, SqliteWriter Writer = SqliteWriter.GroupCommit);

public sealed record AdminSettings(IPEndPoint Listen, string Token);

/// <param name="Downing">Which side of a partition (or of a crash) the split-brain resolver keeps.</param>
/// <param name="StableAfter">How long membership and reachability must stay unchanged before the resolver decides.</param>
public sealed record ClusterSettings(IPEndPoint Listen, IReadOnlyList<EndPoint> SeedNodes, DowningStrategy Downing, TimeSpan StableAfter);

/// <summary>The split-brain resolver's strategy (<c>switch.cluster.downing</c>), Akka's strategies of the same names.</summary>
public enum DowningStrategy
{
    /// <summary>The side with the oldest member stays, unless that member is alone against two or more: with two nodes, the first started.</summary>
    KeepOldest,

    /// <summary>The larger side stays; on a tie, the side with the lowest address (host, then port).</summary>
    KeepMajority,
}

/// <summary>Merchants and terminals known at start (<c>switch.registry</c>).</summary>
/// <param name="MasterKeys">Terminals' MAC master keys from the configuration, in clear, by TID: sealed when the registry starts.</param>
public sealed record RegistrySettings(IReadOnlyList<Merchant> Merchants, IReadOnlyList<TerminalRegistration> Terminals, IReadOnlyDictionary<string, byte[]>? MasterKeys = null)
{
    public override string ToString() => $"RegistrySettings {{ {Merchants.Count} merchants, {Terminals.Count} terminals, master keys hidden }}";
}

/// <summary>The SMS webhook (<c>switch.sms</c>). The secret never appears in the string form.</summary>
/// <param name="WebhookUrl">Where messages are posted; null when none is configured.</param>
/// <param name="Secret">HMAC-SHA256 key of the X-Signature header; empty for unsigned requests.</param>
public sealed record SmsSettings(Uri? WebhookUrl, string Secret)
{
    // The defaults mirror hocon/switch.conf, which is what a node reads; these serve code that builds settings itself.

    /// <summary>Bound on one attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls at most for one message, the first included.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>Delay before the first retry, doubled per retry (with jitter) up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bound on one message, every attempt and delay included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public override string ToString() =>
        $"SmsSettings {{ WebhookUrl = {WebhookUrl?.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)}, " +
        $"Secret = {(Secret.Length == 0 ? "none" : "[hidden]")}, Timeout = {Timeout}, Attempts = {Attempts}, " +
        $"Backoff = {Backoff}, BackoffMax = {BackoffMax}, TotalTimeout = {TotalTimeout} }}";
}
