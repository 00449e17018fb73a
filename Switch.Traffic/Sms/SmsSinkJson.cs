using System.Text.Json.Serialization;

namespace Switch.Traffic.Sms;

/// <summary>Answers of the sink's HTTP API, serialized without reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CodeAnswer))]
[JsonSerializable(typeof(SmsSinkStats))]
[JsonSerializable(typeof(ErrorAnswer))]
internal sealed partial class SmsSinkJson : JsonSerializerContext;

/// <summary><c>GET /codes/{challengeId}</c>.</summary>
internal sealed record CodeAnswer(string ChallengeId, string Code);

internal sealed record ErrorAnswer(string Error);
