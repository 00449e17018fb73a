using Switch.Actors.Events;
using Switch.Protocol.Iso8583;

namespace Switch.Actors.Transactions;

public static class RequestIdentities
{
    /// <summary>What identifies a request for the duplicate window; absent numbers read as 0, so even a malformed request is recorded.</summary>
    public static RequestIdentity From(in IsoMessage message) => new()
    {
        Mti = message.Mti,
        Stan = message.TryGetInt64(11, out var stan) && stan <= int.MaxValue ? (int)stan : 0,
        TransmissionTime = message.GetString(7),
        AmountMinor = message.TryGetInt64(4, out var amount) ? amount : 0,
    };
}
