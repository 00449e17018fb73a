namespace Switch.Fuzz.Engine;

/// <summary>When a session stops: after <see cref="Duration"/> or <see cref="Executions"/>, whichever comes first.</summary>
internal sealed record FuzzBudget(TimeSpan Duration, long Executions = long.MaxValue);
