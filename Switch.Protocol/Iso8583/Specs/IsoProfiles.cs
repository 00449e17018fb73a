using System.Collections.Frozen;

namespace Switch.Protocol.Iso8583.Specs;

/// <summary>The profiles that ship with the switch, by the names configuration uses.</summary>
public static class IsoProfiles
{
    public static FrozenDictionary<string, IsoProfile> Builtin { get; } = new Dictionary<string, IsoProfile>(StringComparer.OrdinalIgnoreCase)
    {
        [Iso87.AsciiName] = Iso87.Ascii,
        [Iso87.BinaryName] = Iso87.Binary,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IsoProfile Get(string name) =>
        Builtin.TryGetValue(name, out var profile)
            ? profile
            : throw new ProfileDefinitionException("profile", $"unknown profile '{name}' (known: {string.Join(", ", Builtin.Keys.Order(StringComparer.Ordinal))})");
}
