using Google.Protobuf;

namespace Switch.Actors.Serialization;

/// <summary>How one message type crosses nodes: its manifest, and its bytes each way.</summary>
internal sealed record WireFormat(Type Type, string Manifest, Func<object, byte[]> Write, Func<byte[], object> Read)
{
    public static WireFormat Of<T, TWire>(string manifest, MessageParser<TWire> parser, Func<T, TWire> toWire, Func<TWire, T> fromWire)
        where T : class, IClusterMessage
        where TWire : IMessage<TWire> =>
        new(typeof(T), manifest, message => toWire((T)message).ToByteArray(), bytes => fromWire(parser.ParseFrom(bytes)));

    /// <summary>A message with nothing in it (a hand-off stop): the manifest says it all, and the one instance comes back.</summary>
    public static WireFormat Singleton<T>(string manifest, T instance)
        where T : class, IClusterMessage =>
        new(typeof(T), manifest, _ => [], _ => instance);
}
