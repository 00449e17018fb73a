namespace Switch.Protocol.Iso8583;

/// <summary>The codec's one exception type: whatever bytes arrive, nothing else escapes a parse.</summary>
public sealed class IsoFormatException : Exception
{
    public IsoFormatException(IsoError error)
        : base(error?.Message)
    {
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    public IsoFormatException()
        : this(new IsoError(IsoErrorKind.InvalidContent, IsoError.MtiField, 0, "malformed message"))
    {
    }

    public IsoFormatException(string message)
        : this(new IsoError(IsoErrorKind.InvalidContent, IsoError.MtiField, 0, message))
    {
    }

    public IsoFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new IsoError(IsoErrorKind.InvalidContent, IsoError.MtiField, 0, message);
    }

    public IsoError Error { get; }
}
