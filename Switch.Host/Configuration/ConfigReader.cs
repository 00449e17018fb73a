using System.Globalization;
using System.Net;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace Switch.Host.Configuration;

/// <summary>
/// Typed, validated reads from one block of configuration, every failure reported under the full
/// key path (<c>switch.acquirers[1].timeout</c>) so an operator knows what to fix.
/// </summary>
internal sealed class ConfigReader
{
    private readonly Config _config;

    public ConfigReader(Config config, string path)
    {
        _config = config;
        Path = path;
    }

    public string Path { get; }

    public Config Config => _config;

    public string Key(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public ConfigReader Child(string key)
    {
        var value = Value(key);
        return value.IsObject() ? new ConfigReader(_config.GetConfig(key), Key(key)) : throw Invalid(key, "must be a block { ... }");
    }

    public bool IsObject(string key) => Value(key).IsObject();

    /// <summary>A string that may be empty.</summary>
    public string Text(string key)
    {
        var value = Value(key);
        return value.IsString() ? value.GetString() ?? string.Empty : throw Invalid(key, "must be a single value");
    }

    public string RequiredText(string key)
    {
        var text = Text(key);
        return string.IsNullOrWhiteSpace(text) ? throw Invalid(key, "must not be empty") : text;
    }

    public int Int(string key, int min, int max) => (int)Long(key, min, max);

    public long Long(string key, long min, long max)
    {
        var text = Text(key);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid(key, $"'{text}' is not a whole number from {min} to {max}");
    }

    public TimeSpan Duration(string key)
    {
        TimeSpan value;
        try
        {
            value = _config.GetTimeSpan(key, allowInfinite: false);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw Invalid(key, $"'{Text(key)}' is not a duration (e.g. 250ms, 5s, 10m)");
        }

        return value > TimeSpan.Zero ? value : throw Invalid(key, "must be longer than zero");
    }

    public bool Flag(string key) => Text(key).ToLowerInvariant() switch
    {
        "on" or "true" or "yes" => true,
        "off" or "false" or "no" => false,
        var other => throw Invalid(key, $"'{other}' is not on or off"),
    };

    /// <summary>One of an enum's names, written in kebab-case or any letter case (<c>postgresql</c>, <c>ascii4</c>).</summary>
    public T Choice<T>(string key)
        where T : struct, Enum
    {
        var text = Text(key);
        var normalized = text.Replace("-", string.Empty, StringComparison.Ordinal);
        return !int.TryParse(normalized, CultureInfo.InvariantCulture, out _) && Enum.TryParse<T>(normalized, ignoreCase: true, out var value)
            ? value
            : throw Invalid(key, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
    }

    /// <summary>HOST:PORT to listen on: an IP address (or localhost) and a port, 0 for any free port.</summary>
    public IPEndPoint ListenEndpoint(string key)
    {
        var endpoint = Endpoint(key, allowPortZero: true);
        return endpoint as IPEndPoint ?? throw Invalid(key, $"'{Text(key)}' must name an IP address to listen on");
    }

    /// <summary>HOST:PORT of a peer: an IP address or a host name.</summary>
    public EndPoint PeerEndpoint(string key) => Endpoint(key, allowPortZero: false);

    public IReadOnlyList<EndPoint> PeerEndpoints(string key) =>
        [.. Strings(key).Select((text, i) => ParseEndpoint(text, $"{Key(key)}[{i}]", allowPortZero: false))];

    public IReadOnlyList<ConfigReader> Objects(string key)
    {
        var items = Array(key);
        return [.. items.Select((item, i) => item.IsObject()
            ? new ConfigReader(new Config(new HoconRoot(item)), $"{Key(key)}[{i}]")
            : throw new ConfigurationKeyException($"{Key(key)}[{i}]", "must be a block { ... }"))];
    }

    public IReadOnlyList<string> Strings(string key) =>
        [.. Array(key).Select((item, i) => item.IsString() ? item.GetString() : throw new ConfigurationKeyException($"{Key(key)}[{i}]", "must be a single value"))];

    public ConfigurationKeyException Invalid(string key, string problem) => new(Key(key), problem);

    private IList<HoconValue> Array(string key)
    {
        var value = Value(key);
        // Akka's parser is loose around lists: `[ ]` holds one element with nothing in it, `[]` does
        // not report itself as a list, and `seed-nodes = [] }` carries the blank before the brace as a
        // second value. Blanks are dropped, so each of these reads as what was written.
        var parts = value.Values.Where(part => part is not HoconLiteral { Value: var text } || !string.IsNullOrWhiteSpace(text)).ToList();
        return parts.Count > 0 && parts.All(part => part is HoconArray)
            ? [.. parts.Cast<HoconArray>().SelectMany(array => array).Where(item => item.Values.Count > 0)]
            : throw Invalid(key, "must be a list [ ... ]");
    }

    private HoconValue Value(string key) =>
        _config.HasPath(key) && _config.GetValue(key) is { } value ? value : throw Invalid(key, "is missing");

    private EndPoint Endpoint(string key, bool allowPortZero) => ParseEndpoint(Text(key), Key(key), allowPortZero);

    private static EndPoint ParseEndpoint(string text, string key, bool allowPortZero)
    {
        var colon = text.LastIndexOf(':');
        var minPort = allowPortZero ? 0 : 1;
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < minPort || port > 65535)
        {
            throw new ConfigurationKeyException(key, $"'{text}' is not HOST:PORT with a port from {minPort} to 65535");
        }

        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        return Uri.CheckHostName(host) == UriHostNameType.Dns
            ? new DnsEndPoint(host, port)
            : throw new ConfigurationKeyException(key, $"'{host}' is not an IP address or host name");
    }
}
