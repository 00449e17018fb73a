using Switch.Actors.Events;

namespace Switch.Actors.Fees;

/// <summary>Between a <see cref="FeeBreakdown"/> and the <see cref="FeeRecord"/> a transaction's outcome journals.</summary>
public static class FeeRecords
{
    private const string Card = "card";
    private const string Qr = "qr";

    public static FeeRecord ToRecord(FeeBreakdown fee)
    {
        ArgumentNullException.ThrowIfNull(fee);
        return new FeeRecord
        {
            FeePlanId = fee.PlanId,
            FeePlanVersion = fee.Version,
            FeeMinor = fee.FeeMinor,
            AcquirerCostMinor = fee.AcquirerCostMinor,
            MarginMinor = fee.MarginMinor,
            Instrument = Name(fee.Instrument),
        };
    }

    public static FeeBreakdown FromRecord(FeeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new FeeBreakdown(
            record.FeePlanId,
            record.FeePlanVersion,
            record.Instrument == Qr ? FeeInstrument.Qr : FeeInstrument.Card,
            record.FeeMinor,
            record.AcquirerCostMinor,
            record.MarginMinor);
    }

    /// <summary>The instrument's name in the journal and the admin API.</summary>
    public static string Name(FeeInstrument instrument) => instrument == FeeInstrument.Qr ? Qr : Card;
}
