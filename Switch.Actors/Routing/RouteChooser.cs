using Switch.Actors.Events;

namespace Switch.Actors.Routing;

/// <summary>
/// The router's decisions without the actor: each acquirer's link status, circuit and success
/// window, and the choice of an acquirer for a request by the route table. Time and chance are
/// passed in, so every choice can be replayed in a test.
/// </summary>
public sealed class RouteChooser
{
    private readonly RoutingTable _table;
    private readonly RouteRule _default;
    private readonly Random _random;
    private readonly Dictionary<string, Health> _health = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _acquirers;

    /// <param name="acquirers">Every acquirer of the node, in configured order (the default rule's order).</param>
    /// <exception cref="ArgumentException">A rule names an acquirer not in <paramref name="acquirers"/>.</exception>
    public RouteChooser(RoutingTable table, IReadOnlyList<string> acquirers, Random random)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(acquirers);
        ArgumentNullException.ThrowIfNull(random);
        _table = table;
        _random = random;
        _acquirers = acquirers;
        _default = RouteRule.Default(acquirers);
        foreach (var name in acquirers)
        {
            _health[name] = new Health(new CircuitBreaker(table.Breaker), new SuccessWindow(table.SuccessRate.Window));
        }

        if (table.Rules.SelectMany(r => r.Acquirers).FirstOrDefault(a => !_health.ContainsKey(a)) is { } unknown)
        {
            throw new ArgumentException($"a route rule names acquirer '{unknown}', which is not configured", nameof(table));
        }
    }

    /// <summary>Until a link reports, it counts as down.</summary>
    public void LinkStatus(string acquirer, bool isUp)
    {
        if (_health.TryGetValue(acquirer, out var health))
        {
            health.IsUp = isUp;
        }
    }

    public CircuitState Circuit(string acquirer) => _health[acquirer].Breaker.State;

    /// <summary>
    /// Chooses for <paramref name="request"/> by the first matching rule (else the default one),
    /// among its candidates not yet tried, whose link is up and whose circuit lets it through. The
    /// decision's <c>chosen</c> is empty when none can. A circuit that was not closed counts the
    /// request as its probe.
    /// </summary>
    public RoutingDecision Choose(RouteRequest request, IReadOnlyCollection<string> tried, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tried);
        var rule = _table.Rules.FirstOrDefault(r => r.Matches(request)) ?? _default;
        var decision = new RoutingDecision { Rule = rule.Name, Strategy = RoutingStrategies.Name(rule.Strategy) };
        var usable = new List<string>(rule.Acquirers.Count);
        foreach (var acquirer in rule.Acquirers)
        {
            var health = _health[acquirer];
            var skipped = tried.Contains(acquirer) ? SkipReasons.Tried
                : !health.IsUp ? SkipReasons.LinkDown
                : health.Breaker.Allows(now) ? null
                : health.Breaker.State == CircuitState.HalfOpen ? SkipReasons.ProbeInFlight
                : SkipReasons.CircuitOpen;
            if (skipped is null)
            {
                usable.Add(acquirer);
            }
            else
            {
                decision.Skipped.Add(new RoutingDecision.Types.Skipped { Acquirer = acquirer, Reason = skipped });
            }
        }

        if (usable.Count > 0)
        {
            decision.Chosen = Pick(rule, usable, request);
            _health[decision.Chosen].Breaker.Routed(now);
        }

        return decision;
    }

    /// <summary>Counts an attempt's outcome for the acquirer's circuit and success rate.</summary>
    public void Record(string acquirer, AcquirerOutcomeKind kind, DateTimeOffset now)
    {
        if (!_health.TryGetValue(acquirer, out var health))
        {
            return;
        }

        var worked = kind is AcquirerOutcomeKind.Approved or AcquirerOutcomeKind.Declined;
        health.Window.Record(worked);
        if (worked)
        {
            health.Breaker.Succeeded();
        }
        else
        {
            health.Breaker.Failed(now);
        }
    }

    /// <summary>The acquirers a request could go to now, in configured order.</summary>
    public IReadOnlyList<string> Routable(DateTimeOffset now) =>
        [.. _acquirers.Where(a => _health[a].IsUp && _health[a].Breaker.Allows(now))];

    private string Pick(RouteRule rule, List<string> usable, RouteRequest request) => rule.Strategy switch
    {
        RoutingStrategy.Weighted => Weighted(rule, usable),
        RoutingStrategy.LeastCost => Cheapest(usable, request),
        RoutingStrategy.SuccessRate => MostSuccessful(usable),
        _ => usable[0],
    };

    /// <summary>A draw over the usable candidates' weights; when all of theirs are 0, the first.</summary>
    private string Weighted(RouteRule rule, List<string> usable)
    {
        var total = usable.Sum(a => rule.Weights.GetValueOrDefault(a));
        if (total == 0)
        {
            return usable[0];
        }

        var draw = _random.Next(total);
        foreach (var acquirer in usable)
        {
            draw -= rule.Weights.GetValueOrDefault(acquirer);
            if (draw < 0)
            {
                return acquirer;
            }
        }

        return usable[^1];
    }

    private string Cheapest(List<string> usable, RouteRequest request)
    {
        var best = usable[0];
        var bestCost = _table.Costs.Of(best, request.Instrument, request.AmountMinor);
        foreach (var acquirer in usable.Skip(1))
        {
            var cost = _table.Costs.Of(acquirer, request.Instrument, request.AmountMinor);
            if (cost < bestCost)
            {
                (best, bestCost) = (acquirer, cost);
            }
        }

        return best;
    }

    /// <summary>The best rate (ties to the earlier); with the exploration share, one of the others at random.</summary>
    private string MostSuccessful(List<string> usable)
    {
        var best = usable[0];
        foreach (var acquirer in usable.Skip(1))
        {
            if (_health[acquirer].Window.IsBetterThan(_health[best].Window))
            {
                best = acquirer;
            }
        }

        if (usable.Count > 1 && _random.NextDouble() < _table.SuccessRate.Exploration)
        {
            var others = usable.Where(a => a != best).ToList();
            return others[_random.Next(others.Count)];
        }

        return best;
    }

    private sealed class Health(CircuitBreaker breaker, SuccessWindow window)
    {
        public bool IsUp { get; set; }

        public CircuitBreaker Breaker { get; } = breaker;

        public SuccessWindow Window { get; } = window;
    }
}
