using Serilog;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>The terminals of a <c>--recover</c> run, each settling its requests through whatever happens to the switch.</summary>
internal static class RecoveringFleet
{
    /// <summary>
    /// Runs every terminal until the sending window closes (cancellation closes it early), then lets
    /// each settle its last request for at most <see cref="RecoveryOptions.GiveUpAfter"/>.
    /// </summary>
    public static async Task RunAsync(RunOptions options, RecoveryOptions recovery, RunClock clock, RunRecorder recorder, ILogger log, CancellationToken cancellation)
    {
        using var outcomes = recovery.OutcomesPath is { } path ? new OutcomeLog(path) : null;
        var requests = options.Requests ?? new PurchaseFactory(options);
        var terminals = Enumerable.Range(0, options.Terminals)
            .Select(i => new RecoveringTerminal(options, recovery, i, clock, recorder, requests, outcomes, log))
            .ToArray();
        using var giveUp = new CancellationTokenSource();
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var running = Task.WhenAll(terminals.Select(t => RunAsync(t, options.StartOffset(t.Index), giveUp.Token)));
        try
        {
            await Task.WhenAny(running, Task.Delay(options.RampUp + options.Duration, window.Token)).ConfigureAwait(false);
        }
        finally
        {
            await window.CancelAsync().ConfigureAwait(false);
            clock.StopSending();
            giveUp.CancelAfter(recovery.GiveUpAfter);
            await running.ConfigureAwait(false);
            foreach (var terminal in terminals)
            {
                await terminal.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task RunAsync(RecoveringTerminal terminal, TimeSpan offset, CancellationToken giveUp)
    {
        try
        {
            await Task.Delay(offset, giveUp).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await terminal.RunAsync(giveUp).ConfigureAwait(false);
    }
}
