namespace Switch.Traffic.Acquirer;

/// <summary>A misbehaviour of the acquirer's end of the link, switched on with <see cref="ResponseRules.Fault"/>.</summary>
public enum LinkFault
{
    /// <summary>Drop the connection without answering.</summary>
    Disconnect,
    /// <summary>Approve, but send the answer only after <see cref="AcquirerSimulatorOptions.LateAnswerDelay"/>.</summary>
    AnswerLate,
    /// <summary>Approve, send the first half of the answer's frame, then close the connection.</summary>
    CutMidFrame,
    /// <summary>Answer with bytes no framing can read (a length beyond any frame, not ASCII digits).</summary>
    Garbage,
}
