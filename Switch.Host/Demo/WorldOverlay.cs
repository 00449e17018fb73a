using System.Globalization;
using System.Net;
using System.Text;

namespace Switch.Host.Demo;

/// <summary>
/// The overlay on the embedded defaults for a node of a simulated world (demo, benchmark):
/// everything on loopback with ports the system picks, the journal in the world's folder, the given
/// acquirers (simulators, in routing order) and the generator's terminals registered to the default
/// merchant; <paramref name="extra"/> HOCON last.
/// </summary>
public static class WorldOverlay
{
    public static string Write(string directory, int terminalCount, IEnumerable<(string Name, IPEndPoint Endpoint)> acquirers, string extra = "")
    {
        ArgumentNullException.ThrowIfNull(acquirers);
        var links = new StringBuilder();
        foreach (var (name, endpoint) in acquirers)
        {
            links.Append(CultureInfo.InvariantCulture, $"    {{ name = {name}, endpoint = \"{endpoint}\", profile = iso87-ascii, length-header = binary2, timeout = 5s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s }}\n");
        }

        var terminals = new StringBuilder();
        for (var n = 1; n <= terminalCount; n++)
        {
            terminals.Append(CultureInfo.InvariantCulture, $"    {{ tid = \"T{n:D7}\", mid = \"M00000000000001\" }}\n");
        }

        var journal = Path.GetFullPath(Path.Combine(directory, "switch.db"));
        var text = $$"""
            switch {
              terminals.listen = "127.0.0.1:0"
              admin.listen = "127.0.0.1:0"
              cluster { listen = "127.0.0.1:0", seed-nodes = [] }
              journal.connection-string = "Data Source={{journal}}"
              acquirers = [
            {{links}}  ]
              registry.terminals = [
            {{terminals}}  ]
            }
            {{extra}}
            """;
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "node.conf");
        File.WriteAllText(path, text);
        return path;
    }
}
