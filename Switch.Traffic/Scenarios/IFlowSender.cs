namespace Switch.Traffic.Scenarios;

/// <summary>The terminal a <see cref="FlowDriver"/> sends through.</summary>
internal interface IFlowSender
{
    /// <summary>Sends the flow's next request now, timed from now; false when it cannot go (the terminal closed, or too far behind).</summary>
    bool TrySendStep(Flow flow);

    /// <summary>A flow ended: a closed-loop terminal may start the next.</summary>
    void FlowEnded();
}
