using Switch.Actors.Risk;

namespace Switch.Actors.Routing;

/// <summary>
/// One rule of the route table: what it matches and where it sends. Every condition left empty
/// matches anything; a request must meet all the others.
/// </summary>
/// <param name="Acquirers">The candidates, in order (priority's order, and every tie-break's).</param>
/// <param name="Weights">Weighted strategy only: each candidate's share (0 = only when no other is usable).</param>
public sealed record RouteRule(
    string Name,
    IReadOnlyList<string> Acquirers,
    RoutingStrategy Strategy,
    IReadOnlyDictionary<string, int> Weights)
{
    /// <summary>The rule used when none is configured or none matches: every acquirer, in configured order, by priority.</summary>
    public const string DefaultName = "default";

    public IReadOnlyList<BinRange> Bins { get; init; } = [];

    /// <summary>Card schemes as the BIN table names them (any letter case).</summary>
    public IReadOnlySet<string> Schemes { get; init; } = new HashSet<string>();

    public IReadOnlySet<PaymentInstrument> Instruments { get; init; } = new HashSet<PaymentInstrument>();

    public IReadOnlyList<MccRange> Mccs { get; init; } = [];

    /// <summary>Inclusive bounds in minor units.</summary>
    public long MinAmount { get; init; }

    public long MaxAmount { get; init; } = long.MaxValue;

    /// <summary>ISO 4217 numeric codes, as field 49 carries them.</summary>
    public IReadOnlySet<string> Currencies { get; init; } = new HashSet<string>();

    /// <summary>Merchant countries, ISO 3166 alpha-2.</summary>
    public IReadOnlySet<string> Countries { get; init; } = new HashSet<string>();

    public static RouteRule Default(IReadOnlyList<string> acquirers) =>
        new(DefaultName, acquirers, RoutingStrategy.Priority, new Dictionary<string, int>());

    public bool Matches(RouteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (Bins.Count == 0 || Bins.Any(b => b.Contains(request.Bin))) &&
            (Schemes.Count == 0 || (request.Scheme is { } scheme && Schemes.Contains(scheme))) &&
            (Instruments.Count == 0 || Instruments.Contains(request.Instrument)) &&
            (Mccs.Count == 0 || (int.TryParse(request.Mcc, out var mcc) && Mccs.Any(m => mcc >= m.First && mcc <= m.Last))) &&
            request.AmountMinor >= MinAmount && request.AmountMinor <= MaxAmount &&
            (Currencies.Count == 0 || Currencies.Contains(request.Currency)) &&
            (Countries.Count == 0 || Countries.Contains(request.MerchantCountry));
    }
}
