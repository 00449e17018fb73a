using Switch.Actors.Serialization;

namespace Switch.Actors.Fees;

/// <summary>
/// Adds a version to a plan (creating the plan at version 1). Answered <see cref="FeePlanVersionStored"/>
/// once the version is durable and published, or <see cref="FeePlanChangeRefused"/>.
/// </summary>
/// <param name="EffectiveFrom">When the terms take effect; null for now. Never before now.</param>
/// <param name="ChangedBy">Who asks, recorded with the version.</param>
public sealed record AddFeePlanVersion(string PlanId, FeeTerms Terms, DateTimeOffset? EffectiveFrom, string ChangedBy) : IClusterMessage;

/// <summary>The version is journaled and transactions at or after its effective-from are charged by it.</summary>
public sealed record FeePlanVersionStored(FeePlan Plan, FeePlanVersion Version) : IClusterMessage;

/// <summary>Nothing changed: <paramref name="Error"/> names the field at fault, e.g. <c>effectiveFrom: ... is in the past</c>.</summary>
public sealed record FeePlanChangeRefused(string Error) : IClusterMessage;
