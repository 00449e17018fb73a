namespace Switch.Actors.Risk.Conditions;

/// <summary>A condition that does not parse; the message says where (1-based column) and what was expected.</summary>
public sealed class ConditionSyntaxException : FormatException
{
    public ConditionSyntaxException(int position, string problem)
        : base($"at column {position + 1}: {problem}")
    {
        Position = position;
    }

    public ConditionSyntaxException()
    {
    }

    public ConditionSyntaxException(string message)
        : base(message)
    {
    }

    public ConditionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based offset into the condition's text.</summary>
    public int Position { get; }
}
