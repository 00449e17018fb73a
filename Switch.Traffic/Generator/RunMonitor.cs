namespace Switch.Traffic.Generator;

/// <summary>
/// The run's once-a-second sampler: cuts the recorder's timeline and tells the progress sink, if
/// there is one, where the run stands. The samples are taken either way; they make the timeline.
/// </summary>
internal sealed class RunMonitor(RunClock clock, RunRecorder recorder, int terminals, IProgress<RunProgress>? progress)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>Samples each second until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; its last, shorter second is sampled by the run itself.
        }
    }

    public void Sample()
    {
        var standing = recorder.Sample(clock, terminals);
        progress?.Report(standing);
    }
}
