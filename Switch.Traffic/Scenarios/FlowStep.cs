namespace Switch.Traffic.Scenarios;

/// <summary>What a flow does after an answer or a code: send its next request, wait for the texted code, or end.</summary>
internal enum FlowStepKind
{
    Send,
    AwaitCode,
    Completed,
    Failed,
}

/// <summary>Why a flow ended without a final answer.</summary>
public enum FlowFailure
{
    /// <summary>A request went unanswered for the run's timeout.</summary>
    Timeout,
    /// <summary>The terminal's connection broke with a request of the flow outstanding.</summary>
    ConnectionLost,
    /// <summary>An answer could not be parsed.</summary>
    Unreadable,
    /// <summary>No SMS with the challenge's code reached the sink within the timeout (is switch.sms.webhook-url the sink's?).</summary>
    NoCode,
    /// <summary>An answer the scenario cannot go on from: 1A without a usable field 62, or more steps than a challenge has.</summary>
    Unexpected,
    /// <summary>The next request could not be sent: the terminal was closed, or too far behind in sending.</summary>
    NotSent,
}

internal readonly record struct FlowStep(FlowStepKind Kind, string? ResponseCode = null, FlowFailure Failure = default)
{
    public static FlowStep Send { get; } = new(FlowStepKind.Send);

    public static FlowStep AwaitCode { get; } = new(FlowStepKind.AwaitCode);

    public static FlowStep Completed(string responseCode) => new(FlowStepKind.Completed, responseCode);

    public static FlowStep Failed(FlowFailure failure) => new(FlowStepKind.Failed, Failure: failure);
}

internal static class FlowFailures
{
    public static IReadOnlyList<FlowFailure> All { get; } = Enum.GetValues<FlowFailure>();

    /// <summary>The name in report.json and the summary.</summary>
    public static string Name(FlowFailure failure) => failure switch
    {
        FlowFailure.Timeout => "timeout",
        FlowFailure.ConnectionLost => "connection-lost",
        FlowFailure.Unreadable => "unreadable",
        FlowFailure.NoCode => "no-code",
        FlowFailure.Unexpected => "unexpected",
        FlowFailure.NotSent => "not-sent",
        _ => throw new ArgumentOutOfRangeException(nameof(failure)),
    };
}
