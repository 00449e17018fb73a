namespace Switch.Actors.Fees;

/// <summary>What a merchant pays per transaction under one plan version: a rate of the amount plus a fixed fee, per instrument.</summary>
/// <param name="CardFixedMinor">Minor units of the transaction's currency, charged on every card transaction.</param>
/// <param name="QrFixedMinor">Minor units, charged on every QR-code transaction.</param>
public sealed record FeeTerms(FeeRate CardRate, FeeRate QrRate, long CardFixedMinor = 0, long QrFixedMinor = 0)
{
    public FeeRate Rate(FeeInstrument instrument) => instrument == FeeInstrument.Qr ? QrRate : CardRate;

    public long FixedMinor(FeeInstrument instrument) => instrument == FeeInstrument.Qr ? QrFixedMinor : CardFixedMinor;
}
