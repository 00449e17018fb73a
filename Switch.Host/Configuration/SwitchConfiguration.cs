using System.Reflection;
using Akka.Configuration;

namespace Switch.Host.Configuration;

/// <summary>
/// The node's configuration: the defaults of hocon/switch.conf (embedded, so the node runs from any
/// directory), then each <c>--config</c> overlay in order, later ones winning; environment variables
/// enter through whole-line <c>key = ${?VARIABLE}</c> substitutions in any of them.
/// </summary>
public static class SwitchConfiguration
{
    private const string DefaultsResource = "switch.conf";

    public static Config Load(IEnumerable<string> overlays, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(overlays);
        environment ??= Environment.GetEnvironmentVariable;
        var config = Parse(Defaults, "hocon/switch.conf", environment);
        foreach (var path in overlays)
        {
            if (!File.Exists(path))
            {
                throw new ConfigurationKeyException("--config", $"'{path}' does not exist");
            }

            config = Parse(File.ReadAllText(path), path, environment).WithFallback(config);
        }

        return config;
    }

    /// <summary>The text of hocon/switch.conf as built into this assembly.</summary>
    public static string Defaults => Embedded(DefaultsResource);

    /// <summary>A file of hocon/ built into this assembly (switch.conf, bench-inmem.conf), by name.</summary>
    public static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the build did not embed {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Config Parse(string text, string source, Func<string, string?> environment)
    {
        try
        {
            return ConfigurationFactory.ParseString(EnvironmentSubstitution.Apply(text, environment, source));
        }
        catch (FormatException ex)
        {
            throw new ConfigurationKeyException(source, $"not valid HOCON: {ex.Message}");
        }
    }
}
