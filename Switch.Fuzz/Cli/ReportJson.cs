using System.Text.Json;

namespace Switch.Fuzz.Cli;

internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
