namespace Switch.Traffic.Attack;

/// <summary>What a hostile client does to the terminal port (README, Attacks on the terminal port).</summary>
public enum AttackKind
{
    /// <summary>Each connection declares a frame, then trickles its bytes one a second, never finishing it.</summary>
    SlowLoris,
    /// <summary>Connections opened as fast as they are closed and then held silent.</summary>
    ConnectionFlood,
    /// <summary>Each connection declares a 65,535-byte frame and starts sending it.</summary>
    OversizedLength,
    /// <summary>Each connection sends 0800 sign-ons back to back.</summary>
    SignOnFlood,
    /// <summary>Each connection sends well-framed random bytes.</summary>
    GarbageFrames,
}

public static class AttackKinds
{
    private static readonly Dictionary<string, AttackKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slowloris"] = AttackKind.SlowLoris,
        ["connection-flood"] = AttackKind.ConnectionFlood,
        ["oversized-length"] = AttackKind.OversizedLength,
        ["sign-on-flood"] = AttackKind.SignOnFlood,
        ["garbage-frames"] = AttackKind.GarbageFrames,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out AttackKind kind) => ByName.TryGetValue(name ?? string.Empty, out kind);

    public static string Name(this AttackKind kind) => ByName.First(pair => pair.Value == kind).Key;
}
