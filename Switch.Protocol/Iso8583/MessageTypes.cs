namespace Switch.Protocol.Iso8583;

public static class MessageTypes
{
    /// <summary>The response to a request MTI: 0200 → 0210, 0401 (a repeat) → 0410, 0800 → 0810.</summary>
    public static int ResponseTo(int requestMti) => requestMti - (requestMti % 10) + 10;
}
