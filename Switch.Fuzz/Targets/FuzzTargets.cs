using Switch.Protocol.Iso8583.Specs;

namespace Switch.Fuzz.Targets;

/// <summary>The targets by name: the codec in both shipped profiles, the frame reader with and without TPDU.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<string> Names { get; } = ["codec-ascii", "codec-binary", "frames", "frames-tpdu"];

    public static IFuzzTarget Create(string name) => name switch
    {
        "codec-ascii" => new CodecRoundTrip(name, Iso87.Ascii),
        "codec-binary" => new CodecRoundTrip(name, Iso87.Binary),
        "frames" => new FrameSegmentation(name, tpdu: false),
        "frames-tpdu" => new FrameSegmentation(name, tpdu: true),
        _ => throw new ArgumentException($"unknown target '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
    };
}
