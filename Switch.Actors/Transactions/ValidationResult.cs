using System.Diagnostics.CodeAnalysis;

namespace Switch.Actors.Transactions;

/// <summary>
/// What <see cref="RequestValidator"/> decided: carry on (risk, routing), or answer now with
/// <see cref="ResponseCode"/>. <see cref="Reason"/> is written for logs and holds no card data.
/// </summary>
public readonly record struct ValidationResult
{
    private ValidationResult(string responseCode, string reason)
    {
        ResponseCode = responseCode;
        Reason = reason;
    }

    /// <summary>Passed validation; not an approval, only leave to continue.</summary>
    public static ValidationResult Continue => default;

    [MemberNotNullWhen(false, nameof(ResponseCode), nameof(Reason))]
    public bool Passed => ResponseCode is null;

    public string? ResponseCode { get; }

    public string? Reason { get; }

    internal static ValidationResult Reject(string responseCode, string reason) => new(responseCode, reason);
}
