using Switch.Traffic.Generator;

namespace Switch.Traffic.Attack;

/// <summary>
/// A run's progress sink that tells when every terminal of the fleet has signed on, so an attack
/// can start against a fleet that is already in place (as a real one is) rather than race its
/// connects and sign-ons.
/// </summary>
public sealed class FleetSignedOn : IProgress<RunProgress>
{
    private readonly TaskCompletionSource _signedOn = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => _signedOn.Task;

    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.SignedOn == value.Terminals || value.Remaining == TimeSpan.Zero)
        {
            _signedOn.TrySetResult();
        }
    }
}
