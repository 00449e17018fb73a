namespace Switch.Actors.Acquirers;

/// <summary>
/// The socket under one acquirer link, provided by the host: connects, frames and sends messages,
/// and reports what arrives. It keeps no link state of its own (sign-on, echo, matching, reconnect
/// policy are the link actor's); one transport serves one connection attempt.
/// </summary>
public interface ILinkTransport : IAsyncDisposable
{
    /// <summary>Connects; completes once connected, or throws when the peer cannot be reached.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Queues one message (without its length header) for sending; the transport frames it and
    /// flushes in batches. False when the connection is not open.
    /// </summary>
    bool TrySend(byte[] message);

    /// <summary>Closes the connection; <see cref="ILinkTransportEvents.OnClosed"/> follows once. Idempotent.</summary>
    void Close();
}

/// <summary>What a transport reports, from its own threads: the receiver must hand it over (an actor Tells itself).</summary>
public interface ILinkTransportEvents
{
    /// <summary>One whole message (length header removed), in an array the receiver now owns.</summary>
    void OnMessage(byte[] message);

    /// <summary>The connection is gone (peer closed, I/O error, framing violation, or <see cref="ILinkTransport.Close"/>).</summary>
    void OnClosed(string reason);
}

/// <summary>Makes a fresh transport for each connection attempt of a link.</summary>
public interface ILinkTransportFactory
{
    ILinkTransport Create(AcquirerLinkSettings settings, ILinkTransportEvents events);
}
