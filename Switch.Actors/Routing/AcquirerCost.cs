using Switch.Actors.Fees;

namespace Switch.Actors.Routing;

/// <summary>What one acquirer charges the switch for one instrument: a rate in basis points of the amount plus a fixed fee.</summary>
/// <param name="RateBps">Hundredths of a percent: 55 is 0.55%.</param>
/// <param name="FixedMinor">Minor units per transaction.</param>
public sealed record AcquirerCost(int RateBps, long FixedMinor)
{
    /// <summary>As a fee charge: the same terms the merchant's fee is computed against.</summary>
    public AcquirerCharge Charge => new(FeeRate.FromBasisPoints(RateBps), FixedMinor);

    /// <summary>The cost of <paramref name="amountMinor"/> in minor units, by the fees' one rounding rule (<see cref="FeeCalculator"/>).</summary>
    public long Of(long amountMinor) => FeeCalculator.Apply(amountMinor, Charge.Rate, FixedMinor);
}

/// <summary>Each acquirer's cost per instrument, for least-cost routing.</summary>
public sealed class CostTable
{
    private readonly Dictionary<(string Acquirer, PaymentInstrument Instrument), AcquirerCost> _costs;

    public CostTable(IEnumerable<KeyValuePair<(string Acquirer, PaymentInstrument Instrument), AcquirerCost>> costs)
    {
        _costs = new Dictionary<(string, PaymentInstrument), AcquirerCost>(costs);
    }

    public static CostTable Empty { get; } = new([]);

    public bool Has(string acquirer, PaymentInstrument instrument) => _costs.ContainsKey((acquirer, instrument));

    public bool TryGet(string acquirer, PaymentInstrument instrument, out AcquirerCost cost) => _costs.TryGetValue((acquirer, instrument), out cost!);

    /// <summary>The cost of this amount; an acquirer without a cost for the instrument sorts last (configuration refuses that for least-cost rules).</summary>
    public long Of(string acquirer, PaymentInstrument instrument, long amountMinor) =>
        _costs.TryGetValue((acquirer, instrument), out var cost) ? cost.Of(amountMinor) : long.MaxValue;
}
