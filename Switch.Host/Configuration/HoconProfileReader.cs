using Akka.Configuration;
using Akka.Configuration.Hocon;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Host.Configuration;

/// <summary>
/// Reads a message profile written in HOCON, the form configuration uses:
/// <code>
/// profile {
///   name = acme, base = iso87-ascii
///   fields { 35 { encoding = bcd, prefix-encoding = bcd } }
/// }
/// </code>
/// The keys and their rules are <see cref="ProfileDefinition"/>'s, shared with the JSON reader.
/// </summary>
public static class HoconProfileReader
{
    /// <summary>Reads a file holding a <c>profile { ... }</c> block, or the profile's keys at its root.</summary>
    public static IsoProfile ReadFile(string path) => Read(File.ReadAllText(path));

    public static IsoProfile Read(string hocon)
    {
        Config config;
        try
        {
            config = ConfigurationFactory.ParseString(hocon);
        }
        catch (FormatException ex)
        {
            // Akka's parser is lenient about structure (an unclosed block still parses); what it
            // rejects, such as an unresolved substitution, surfaces here.
            throw new ProfileDefinitionException("(document)", $"not valid HOCON: {ex.Message}");
        }

        return Read(config.HasPath("profile") ? config.GetConfig("profile") : config, "profile");
    }

    /// <summary>Reads a profile from a block of a larger configuration; <paramref name="path"/> prefixes key names in errors.</summary>
    public static IsoProfile Read(Config profile, string path)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var fields = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (profile.HasPath("fields"))
        {
            foreach (var (number, value) in Children(profile.GetValue("fields"), $"{path}.fields"))
            {
                fields[number] = Children(value, $"{path}.fields.{number}").ToDictionary(
                    p => p.Key,
                    p => p.Value.IsString() ? p.Value.GetString() : throw new ProfileDefinitionException($"{path}.fields.{number}.{p.Key}", "must be a string or a number"),
                    StringComparer.Ordinal);
            }
        }

        try
        {
            return new ProfileDefinition(
                Text(profile, "name"), Text(profile, "base"), Text(profile, "mti"), Text(profile, "bitmap"), fields).Build();
        }
        catch (ProfileDefinitionException ex) when (!string.IsNullOrEmpty(ex.Key))
        {
            throw new ProfileDefinitionException($"{path}.{ex.Key}", ex.Message[(ex.Key.Length + 2)..]);
        }
    }

    private static Dictionary<string, HoconValue> Children(HoconValue value, string path) =>
        value.IsObject() ? value.GetObject().Items : throw new ProfileDefinitionException(path, "must be an object");

    private static string? Text(Config config, string key) => config.HasPath(key) ? config.GetString(key) : null;
}
