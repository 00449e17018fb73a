using System.Net;

namespace Switch.Traffic.Sms;

public sealed class SmsSinkOptions
{
    /// <summary>Where the sink listens; port 0 takes any free port (<see cref="SmsSink.LocalEndPoint"/> tells which).</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>The switch's <c>switch.sms.secret</c>: when set, a request without its valid X-Signature gets 401.</summary>
    public string? Secret { get; init; }

    /// <summary>Challenges whose latest code is kept; the oldest is forgotten first.</summary>
    public int Capacity { get; init; } = 100_000;

    /// <summary>Called once per accepted SMS, with no more of it than may be shown.</summary>
    public Action<SmsReceipt>? OnReceived { get; init; }

    public override string ToString() =>
        $"SmsSinkOptions {{ Listen = {Listen}, Secret = {(string.IsNullOrEmpty(Secret) ? "none" : "[hidden]")}, Capacity = {Capacity} }}";
}

/// <summary>What may be said about an SMS the sink accepted: its challenge and the masked phone, never the text or code.</summary>
public sealed record SmsReceipt(string ChallengeId, string MaskedPhone);

/// <param name="Received">SMS accepted (and their codes kept).</param>
/// <param name="Rejected">Requests refused: bad signature, malformed body, no code in the text, too large.</param>
/// <param name="Challenges">Challenges whose latest code is held now.</param>
public sealed record SmsSinkStats(long Received, long Rejected, int Challenges);
