namespace Switch.Host.Configuration;

internal static class HoconText
{
    /// <summary>A HOCON quoted string holding exactly <paramref name="value"/>.</summary>
    public static string Quote(string value) => string.Concat(
        "\"",
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal),
        "\"");
}
