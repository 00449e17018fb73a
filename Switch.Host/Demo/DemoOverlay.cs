using System.Globalization;
using System.Net;
using System.Text;

namespace Switch.Host.Demo;

/// <summary>
/// The demo node's overlay on the embedded defaults: everything on loopback with ports the system
/// picks, the journal in the demo's folder, two acquirers (the simulators, primary and secondary)
/// and the demo's terminals registered to the default merchant.
/// </summary>
public static class DemoOverlay
{
    public static string Write(DemoOptions options, IPEndPoint primary, IPEndPoint secondary)
    {
        ArgumentNullException.ThrowIfNull(options);
        var terminals = new StringBuilder();
        for (var n = 1; n <= options.Terminals; n++)
        {
            terminals.Append(CultureInfo.InvariantCulture, $"    {{ tid = \"T{n:D7}\", mid = \"M00000000000001\" }}\n");
        }

        var journal = Path.GetFullPath(Path.Combine(options.DataDirectory, "switch.db"));
        var text = $$"""
            switch {
              terminals.listen = "127.0.0.1:0"
              admin.listen = "127.0.0.1:0"
              cluster { listen = "127.0.0.1:0", seed-nodes = [] }
              journal.connection-string = "Data Source={{journal}}"
              acquirers = [
                { name = acq-a, endpoint = "{{primary}}", profile = iso87-ascii, length-header = binary2, timeout = 5s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s }
                { name = acq-b, endpoint = "{{secondary}}", profile = iso87-ascii, length-header = binary2, timeout = 5s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 30s }
              ]
              registry.terminals = [
            {{terminals}}  ]
            }
            """;
        var path = Path.Combine(options.DataDirectory, "demo.conf");
        File.WriteAllText(path, text);
        return path;
    }
}
