using System.Diagnostics.Metrics;

namespace Switch.Actors;

/// <summary>The one meter every instrument of the switch is created on; the admin port exports it as Prometheus text.</summary>
public static class SwitchMeter
{
    public const string Name = "Switch";

    public static Meter Instance { get; } = new(Name);
}
