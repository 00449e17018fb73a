namespace Switch.Host.Admin;

/// <summary>The body of <c>POST /api/card-bindings</c>. Its string form shows neither PAN nor phone.</summary>
public sealed record CardBindingRequest(string? Pan, string? Phone, bool? Consent)
{
    public override string ToString() => $"CardBindingRequest {{ Consent = {Consent} }}";
}
