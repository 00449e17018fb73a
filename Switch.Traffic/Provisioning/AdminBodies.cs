using System.Text.Json.Serialization;

namespace Switch.Traffic.Provisioning;

/// <summary>The admin API's request and error bodies, serialized without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MerchantBody))]
[JsonSerializable(typeof(TerminalBody))]
[JsonSerializable(typeof(CardBindingBody))]
[JsonSerializable(typeof(AdminError))]
internal sealed partial class AdminJson : JsonSerializerContext;

/// <summary><c>PUT /api/merchants/{mid}</c>; challenge is always, risk or never; no fee plan is null.</summary>
public sealed record MerchantBody(string Name, string Mcc, string Country, string Challenge, string? FeePlan = null);

/// <summary><c>PUT /api/terminals/{tid}</c>; without a master key the terminal keeps whatever key it has. Its string form hides the key.</summary>
internal sealed record TerminalBody(string Mid, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MasterKey = null)
{
    public override string ToString() => $"TerminalBody {{ Mid = {Mid} }}";
}

/// <summary><c>POST /api/card-bindings</c>. Its string form hides the PAN and phone.</summary>
internal sealed record CardBindingBody(string Pan, string Phone, bool Consent)
{
    public override string ToString() => $"CardBindingBody {{ Consent = {Consent} }}";
}

/// <summary>A 4xx or 5xx body: <c>{"error": "..."}</c>.</summary>
internal sealed record AdminError(string? Error);
