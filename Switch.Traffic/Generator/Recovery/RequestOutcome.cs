using System.Text.Json.Serialization;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>
/// How one request of a recovering terminal ended, as one line of the outcomes file: what it was
/// (TID, STAN, field 7 and amount identify it at the switch), how often it went out, the answer the
/// terminal heard, if any, and, for one it never heard, the answer to its reversal.
/// </summary>
/// <param name="Sends">Times the request went out: 1, plus its exact retransmissions.</param>
/// <param name="ResponseCode">Field 39 of the answer heard; null when none was.</param>
/// <param name="Rrn">Field 37 of the answer heard, or of the reversal's 0410; null when neither carried one.</param>
/// <param name="ReversalCode">Field 39 of the 0410 to the terminal's reversal; null when it sent none or heard no 0410.</param>
public sealed record RequestOutcome(
    [property: JsonPropertyName("tid")] string Tid,
    [property: JsonPropertyName("stan")] int Stan,
    [property: JsonPropertyName("mti")] string Mti,
    [property: JsonPropertyName("transmissionTime")] string TransmissionTime,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("sends")] int Sends,
    [property: JsonPropertyName("responseCode")] string? ResponseCode,
    [property: JsonPropertyName("rrn")] string? Rrn,
    [property: JsonPropertyName("reversalCode")] string? ReversalCode)
{
    /// <summary>The terminal heard neither an answer nor its reversal's: the request is unresolved.</summary>
    [JsonIgnore]
    public bool Unresolved => ResponseCode is null && ReversalCode is null;
}
