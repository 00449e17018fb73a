namespace Switch.Traffic.Provisioning;

/// <summary>The admin API refused a change or could not be reached; the message says which request and why, with no PAN in clear.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException()
    {
    }

    public ProvisioningException(string message)
        : base(message)
    {
    }

    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
