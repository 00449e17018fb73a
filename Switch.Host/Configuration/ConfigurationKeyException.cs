namespace Switch.Host.Configuration;

/// <summary>A setting that stops start-up; the message names the key, e.g. <c>switch.terminals.max-frame: ...</c>.</summary>
public sealed class ConfigurationKeyException : Exception
{
    public ConfigurationKeyException(string key, string problem)
        : base($"{key}: {problem}")
    {
        Key = key;
    }

    public ConfigurationKeyException()
    {
        Key = string.Empty;
    }

    public ConfigurationKeyException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    public ConfigurationKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    public string Key { get; }
}
