using System.Text.Json.Serialization;

namespace Switch.Traffic.Acquirer;

/// <summary>One message the simulator received, as one line of the ledger (DESIGN.md's format).</summary>
public sealed record LedgerEntry(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("mti")] string Mti,
    [property: JsonPropertyName("stan")] string? Stan,
    [property: JsonPropertyName("rrn")] string? Rrn,
    [property: JsonPropertyName("tid")] string? Tid,
    [property: JsonPropertyName("amount")] long? Amount,
    [property: JsonPropertyName("responseCode")] string? ResponseCode)
{
    [JsonIgnore]
    public bool IsReversal => Mti is "0400" or "0401";
}
