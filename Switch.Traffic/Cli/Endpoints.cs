using System.Net;

namespace Switch.Traffic.Cli;

internal static class Endpoints
{
    /// <summary>Parses HOST:PORT where HOST is an IP address or localhost.</summary>
    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        const string localhost = "localhost:";
        if (text.StartsWith(localhost, StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1:" + text[localhost.Length..];
        }

        return IPEndPoint.TryParse(text, out endpoint!) && text.Contains(':', StringComparison.Ordinal);
    }
}
