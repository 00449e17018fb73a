namespace Switch.Traffic.Acquirer;

public enum DecisionKind
{
    Answer,
    /// <summary>Never answer: the switch's link timeout and reversal path must handle it.</summary>
    Silence,
    /// <summary>Drop the connection without answering.</summary>
    Disconnect,
    /// <summary>Answer after the options' late-answer delay, behind no other answer.</summary>
    AnswerLate,
    /// <summary>Send half of the answer's frame, then drop the connection.</summary>
    CutMidFrame,
    /// <summary>Send unframeable bytes instead of the answer.</summary>
    Garbage,
}

/// <summary>What the simulator does with one financial request.</summary>
public readonly record struct Decision(DecisionKind Kind, string? ResponseCode)
{
    public static Decision Approve { get; } = new(DecisionKind.Answer, "00");
    public static Decision Silent { get; } = new(DecisionKind.Silence, null);
    public static Decision Disconnect { get; } = new(DecisionKind.Disconnect, null);

    public static Decision Decline(string code) => new(DecisionKind.Answer, code);
}
