namespace Switch.Fuzz.Targets;

/// <summary>A property a target checks did not hold for an input (as opposed to a stray exception).</summary>
public sealed class FuzzFindingException : Exception
{
    public FuzzFindingException()
    {
    }

    public FuzzFindingException(string message)
        : base(message)
    {
    }

    public FuzzFindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
