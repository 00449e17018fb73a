namespace Switch.Tests.Actors.Routing;

/// <summary>A <see cref="Random"/> that returns the draws it is given, in order, so a routing choice can be predicted.</summary>
internal sealed class ScriptedRandom(params double[] draws) : Random
{
    private int _next;

    public override double NextDouble() => draws[_next++];

    /// <summary>The scripted fraction of <paramref name="maxValue"/>, as Random's own draws map.</summary>
    public override int Next(int maxValue) => (int)(NextDouble() * maxValue);
}
