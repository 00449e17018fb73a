using System.Collections.Immutable;

namespace Switch.Actors.Fees;

/// <summary>
/// A merchant fee plan (MDR) and every version it ever had, oldest first. Versions are only ever
/// added, each taking effect no earlier than the one before it (<see cref="FeePlanRules"/>), so the
/// version in force at an instant is the newest whose effective-from is not after it: a later version
/// with the same effective-from supersedes an earlier one, which is how a scheduled change is corrected.
/// </summary>
public sealed class FeePlan
{
    private FeePlan(string id, ImmutableArray<FeePlanVersion> versions)
    {
        Id = id;
        Versions = versions;
    }

    public string Id { get; }

    public ImmutableArray<FeePlanVersion> Versions { get; }

    public FeePlanVersion Latest => Versions[^1];

    /// <summary>A plan of one version.</summary>
    public static FeePlan Create(string id, FeePlanVersion first)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(first);
        return first.Version == 1 ? new FeePlan(id, [first]) : throw new ArgumentException($"a plan starts at version 1, not {first.Version}", nameof(first));
    }

    /// <summary>The plan with <paramref name="next"/> added; it must be the next version and take effect no earlier than the latest.</summary>
    public FeePlan With(FeePlanVersion next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Version != Latest.Version + 1 || next.EffectiveFrom < Latest.EffectiveFrom)
        {
            throw new ArgumentException($"version {next.Version} effective {next.EffectiveFrom:O} cannot follow version {Latest.Version} effective {Latest.EffectiveFrom:O}", nameof(next));
        }

        return new FeePlan(Id, Versions.Add(next));
    }

    /// <summary>The version in force at <paramref name="at"/>, or null when the plan's first version takes effect later.</summary>
    public FeePlanVersion? InForceAt(DateTimeOffset at)
    {
        // Effective-froms never decrease with the version, so the last one not after `at` is found by
        // bisection: the hot path reads this on every approved transaction.
        int low = 0, high = Versions.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Versions[middle].EffectiveFrom <= at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low == 0 ? null : Versions[low - 1];
    }
}
