using System.Runtime.CompilerServices;

namespace Switch.Traffic.Acquirer;

/// <summary>
/// How the simulator answers a financial request. A link fault switched on with <see cref="Fault"/>
/// comes first, then a failure switched on with <see cref="FailWith"/>, then the amount rules, so tests are deterministic: minor units ending in 51 → 51,
/// in 05 → 05, in 91 → never answered. Faults and the approval rate then apply, drawn from a seeded
/// generator so a run can be repeated.
/// </summary>
public sealed class ResponseRules
{
    private readonly double _approvalRate;
    private readonly double _dropRate;
    private readonly double _disconnectRate;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private volatile string? _failWith;
    private volatile StrongBox<LinkFault>? _fault;

    public ResponseRules(double approvalRate = 1.0, double dropRate = 0.0, double disconnectRate = 0.0, int seed = 8583)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(approvalRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(approvalRate, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(dropRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dropRate, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(disconnectRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(disconnectRate, 1.0);
        _approvalRate = approvalRate;
        _dropRate = dropRate;
        _disconnectRate = disconnectRate;
        _random = new Random(seed);
    }

    /// <summary>
    /// While set, every financial request is answered with this code (e.g. 91 or 96, an acquirer
    /// failing technically), whatever the amount; null answers normally again. May be switched
    /// while links are connected, so a test can make one acquirer fail and recover.
    /// </summary>
    public string? FailWith
    {
        get => _failWith;
        set => _failWith = value;
    }

    /// <summary>
    /// While set, every financial request meets this fault instead of its answer, whatever the
    /// amount; null answers normally again. Like <see cref="FailWith"/>, switchable while links are
    /// connected, so a test can break the link once and watch the switch recover.
    /// </summary>
    public LinkFault? Fault
    {
        get => _fault?.Value;
        set => _fault = value is { } fault ? new StrongBox<LinkFault>(fault) : null;
    }

    public Decision Decide(long amountMinor)
    {
        switch (Fault)
        {
            case LinkFault.Disconnect:
                return Decision.Disconnect;
            case LinkFault.AnswerLate:
                return new Decision(DecisionKind.AnswerLate, "00");
            case LinkFault.CutMidFrame:
                return new Decision(DecisionKind.CutMidFrame, "00");
            case LinkFault.Garbage:
                return new Decision(DecisionKind.Garbage, null);
        }

        if (_failWith is { } code)
        {
            return Decision.Decline(code);
        }

        switch (amountMinor % 100)
        {
            case 51:
                return Decision.Decline("51");
            case 5:
                return Decision.Decline("05");
            case 91:
                return Decision.Silent;
        }

        double draw;
        lock (_gate)
        {
            draw = _random.NextDouble();
        }

        // One draw split into bands keeps the three rates independent of each other's values.
        if (draw < _disconnectRate)
        {
            return Decision.Disconnect;
        }

        if (draw < _disconnectRate + _dropRate)
        {
            return Decision.Silent;
        }

        var approvalDraw = (draw - _disconnectRate - _dropRate) / Math.Max(double.Epsilon, 1.0 - _disconnectRate - _dropRate);
        return approvalDraw < _approvalRate ? Decision.Approve : Decision.Decline("05");
    }
}
