namespace Switch.Actors.Risk;

/// <summary>How risky a merchant category is; the value is the <c>mcc_risk</c> feature.</summary>
public enum MccRiskClass
{
    Low = 0,
    Medium = 1,
    High = 2,
}
