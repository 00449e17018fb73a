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
        var score = Score(features, out var contributions);
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

        reasons.AddRange(contributions);
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

    /// <summary>The score, capped at 100, and its largest contributions as reasons, largest first.</summary>
    private int Score(RiskFeatures features, out IEnumerable<string> top)
    {
        var parts = new double[_weights.Length];
        var total = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            var (weight, slot) = _weights[i];
            parts[i] = weight.Weight * Math.Clamp(features.Number(slot) / weight.SaturateAt, 0, 1);
            total += parts[i];
        }

        top = Enumerable.Range(0, parts.Length)
            .Where(i => Math.Round(parts[i], MidpointRounding.AwayFromZero) >= 1)
            .OrderByDescending(i => parts[i])
            .Take(TopContributions)
            .Select(i => $"{_weights[i].Weight.Feature}={RiskFeatures.Format(features.Number(_weights[i].Slot))} (+{Math.Round(parts[i], MidpointRounding.AwayFromZero)})")
            .ToList();
        return (int)Math.Round(Math.Min(total, 100), MidpointRounding.AwayFromZero);
    }
}
