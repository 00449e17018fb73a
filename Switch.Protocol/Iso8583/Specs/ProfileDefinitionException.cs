namespace Switch.Protocol.Iso8583.Specs;

/// <summary>A profile file that cannot be used; the message names the offending key.</summary>
public sealed class ProfileDefinitionException : Exception
{
    public ProfileDefinitionException(string key, string problem)
        : base($"{key}: {problem}")
    {
        Key = key;
    }

    public ProfileDefinitionException()
    {
        Key = string.Empty;
    }

    public ProfileDefinitionException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public ProfileDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>The path of the key at fault, e.g. <c>fields.35.length</c>.</summary>
    public string Key { get; }
}
