using System.Net;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Actors.Acquirers;

/// <summary>One configured acquirer link (<c>switch.acquirers[]</c>).</summary>
/// <param name="Name">The acquirer's name, as routing and logs know it.</param>
/// <param name="Endpoint">Where the acquirer host listens.</param>
/// <param name="Profile">The ISO 8583 dialect spoken on the link.</param>
/// <param name="Framing">Length header of the link (no TPDU on acquirer links).</param>
/// <param name="Timeout">How long a request may wait for its response before it is given up (and reversed).</param>
/// <param name="EchoInterval">Idle time after which an 0800 echo (70 = 301) tests the link.</param>
/// <param name="ReconnectMin">First delay before reconnecting; doubled after each failure.</param>
/// <param name="ReconnectMax">Ceiling of the reconnect delay.</param>
public sealed record AcquirerLinkSettings(
    string Name,
    EndPoint Endpoint,
    IsoProfile Profile,
    FrameOptions Framing,
    TimeSpan Timeout,
    TimeSpan EchoInterval,
    TimeSpan ReconnectMin,
    TimeSpan ReconnectMax);
