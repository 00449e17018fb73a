using Switch.Actors.Registry;

namespace Switch.Actors.Risk;

/// <summary>
/// Decides an authorization, explainably. The order: allow rules first (an allow-listed match
/// wins over everything else), then decline rules, then challenge rules, the first match within
/// each class deciding; without a match the weighted score decides against its thresholds. Last,
/// the merchant's policy: <see cref="ChallengePolicy.Always"/> turns an allow into a challenge and
/// <see cref="ChallengePolicy.Never"/> a challenge into an allow; a decline stays one. Immutable,
/// so one engine serves every actor.
/// </summary>
public sealed class RiskEngine
{
    private const int TopContributions = 3;

    private readonly RiskSettings _settings;
    private readonly RiskRule[] _rulesInOrder;
    private readonly (ScoreWeight Weight, int Slot)[] _weights;

    /// <exception cref="ArgumentException">A score weight names no numeric feature.</exception>
    public RiskEngine(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _rulesInOrder = [.. settings.Rules.OrderBy(r => ClassOrder(r.Action))];
        _weights = [.. settings.Score.Weights.Select(w => FeatureCatalog.TryFind(w.Feature, out var f) && f.Kind == FeatureKind.Number
            ? (w, f.Index)
            : throw new ArgumentException($"'{w.Feature}' is not a numeric feature", nameof(settings)))];
    }

    public BinTable Bins => _settings.Bins;

    public RiskFeatures Features(RiskInput input) => FeatureExtractor.Extract(input, _settings.Features);

    public RiskDecision Decide(RiskInput input, ChallengePolicy merchantPolicy) => Decide(Features(input), merchantPolicy);

    public RiskDecision Decide(RiskFeatures features, ChallengePolicy merchantPolicy)
    {
        ArgumentNullException.ThrowIfNull(features);
        var reasons = new List<string>(TopContributions + 2);
        Span<double> parts = _weights.Length <= 64 ? stackalloc double[_weights.Length] : new double[_weights.Length];
        var score = Score(features, parts);
        var rule = Array.Find(_rulesInOrder, r => r.When.Matches(features));
        RiskAction action;
        if (rule is not null)
        {
            action = rule.Action;
            reasons.Add($"rule {rule.Name} ({Name(action)})");
        }
        else if (score >= _settings.Score.DeclineAt)
        {
            action = RiskAction.Decline;
            reasons.Add($"score {score} >= decline-at {_settings.Score.DeclineAt}");
        }
        else if (score >= _settings.Score.ChallengeAt)
        {
            action = RiskAction.Challenge;
            reasons.Add($"score {score} >= challenge-at {_settings.Score.ChallengeAt}");
        }
        else
        {
            action = RiskAction.Allow;
        }

        AddLargestContributions(features, parts, reasons);
        var overridden = (merchantPolicy, action) switch
        {
            (ChallengePolicy.Always, RiskAction.Allow) => RiskAction.Challenge,
            (ChallengePolicy.Never, RiskAction.Challenge) => RiskAction.Allow,
            _ => action,
        };
        if (overridden != action)
        {
            reasons.Add($"merchant challenge = {merchantPolicy.ToString().ToLowerInvariant()}");
        }

        return new RiskDecision(overridden, score, reasons, rule?.Name);
    }

    private static int ClassOrder(RiskAction action) => action switch
    {
        RiskAction.Allow => 0,
        RiskAction.Decline => 1,
        _ => 2,
    };

    private static string Name(RiskAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The score, capped at 100, from each weight's part (written to <paramref name="parts"/>).</summary>
    private int Score(RiskFeatures features, Span<double> parts)
    {
        var total = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            var (weight, slot) = _weights[i];
            parts[i] = weight.Weight * Math.Clamp(features.Number(slot) / weight.SaturateAt, 0, 1);
            total += parts[i];
        }

        return (int)Math.Round(Math.Min(total, 100), MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The largest parts worth at least a point, largest first (the earlier weight first on a tie), as
    /// reasons. Picked by scanning the few weights a few times: this runs per authorization, where
    /// sorting through LINQ cost more than the rest of the score.
    /// </summary>
    private void AddLargestContributions(RiskFeatures features, Span<double> parts, List<string> reasons)
    {
        for (var n = 0; n < TopContributions; n++)
        {
            var best = -1;
            for (var i = 0; i < parts.Length; i++)
            {
                if (Math.Round(parts[i], MidpointRounding.AwayFromZero) >= 1 && (best < 0 || parts[i] > parts[best]))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                return;
            }

            var (weight, slot) = _weights[best];
            reasons.Add($"{weight.Feature}={RiskFeatures.Format(features.Number(slot))} (+{Math.Round(parts[best], MidpointRounding.AwayFromZero)})");
            // Taken: below a point, so no later pass picks it again.
            parts[best] = -1;
        }
    }
}
