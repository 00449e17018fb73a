namespace Switch.Actors.Fees;

/// <summary>Which of a plan's rates applies: the card rate, or the QR-code payment rate.</summary>
public enum FeeInstrument
{
    Card,
    Qr,
}
