using System.Diagnostics;
using Serilog;
using Switch.Traffic.Generator;
using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Provisioning;

/// <summary>
/// Registers what a run uses through the admin API before it starts: the plain merchant
/// (<c>--mid</c>, challenge = never, so plain traffic is never challenged), the challenging merchant
/// (<c>--challenge-mid</c>, challenge = always) when the mix has challenged scenarios, every
/// terminal of the fleet at its merchant (with its master key in a <c>--mac</c> run), and a phone bound to every challenge card. Every call
/// replaces what is there, so provisioning twice is the same as once.
/// </summary>
public static class Provisioner
{
    /// <summary>Requests in flight at once: enough to overlap the switch's journal writes, few enough not to crowd the run's CPU.</summary>
    public const int Parallelism = 8;

    public const string Mcc = "5411";
    public const string Country = "CN";

    /// <param name="feePlan">The fee plan both merchants are charged under (a PUT replaces the merchant whole, its plan too); null for none.</param>
    /// <returns>How many merchants, terminals and cards were provisioned.</returns>
    /// <exception cref="ProvisioningException">The first request the API refused or did not answer.</exception>
    public static async Task<(int Merchants, int Terminals, int Cards)> ProvisionAsync(AdminClient admin, RunOptions options, string? feePlan, ILogger log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var clock = Stopwatch.StartNew();
        var scenarios = options.Scenarios;
        var plan = scenarios is null ? null : new FleetPlan(scenarios.Mix, options.Terminals);
        var merchants = 0;
        if (plan is null || plan.PlainTerminals > 0)
        {
            await admin.PutMerchantAsync(options.Mid, new MerchantBody("Switch.Traffic plain shop", Mcc, Country, "never", feePlan), cancellation).ConfigureAwait(false);
            merchants++;
        }

        if (plan is { ChallengeTerminals: > 0 })
        {
            await admin.PutMerchantAsync(scenarios!.ChallengeMid, new MerchantBody("Switch.Traffic challenging shop", Mcc, Country, "always", feePlan), cancellation).ConfigureAwait(false);
            merchants++;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Terminals), parallel, async (terminal, token) =>
        {
            var tid = options.Tid(terminal);
            var masterKey = options.Mac ? Convert.ToHexString(RunMasterKeys.For(tid)) : null;
            await admin.PutTerminalAsync(tid, plan?.IsChallengeTerminal(terminal) == true ? scenarios!.ChallengeMid : options.Mid, token, masterKey).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var cards = plan is { ChallengeTerminals: > 0 } ? scenarios!.ChallengeCards : 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, cards), parallel, async (card, token) =>
            await admin.BindCardAsync(ChallengeCards.Pan(card), ChallengeCards.Phone(card), token).ConfigureAwait(false))
            .ConfigureAwait(false);

        log.Information("Provisioned through {Admin} in {Elapsed:0.0} s: {Merchants} merchants, {Terminals} terminals, {Cards} cards with bound phones",
            admin.BaseAddress, clock.Elapsed.TotalSeconds, merchants, options.Terminals, cards);
        return (merchants, options.Terminals, cards);
    }
}
