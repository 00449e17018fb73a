using System.Globalization;

namespace Switch.Tests.Host.Chaos;

/// <summary>
/// How hard a crash run goes: the short form CI runs, or a longer one from the environment
/// (<c>SWITCH_CHAOS_KILLS</c>, <c>SWITCH_CHAOS_TERMINALS</c>, <c>SWITCH_CHAOS_SEED</c>).
/// </summary>
/// <param name="Kills">SIGKILLs of the node, each followed by a restart on the same journal and port.</param>
/// <param name="Terminals">Recovering terminals driving it in closed loop (at least 2: half retransmit, half reverse at once).</param>
/// <param name="Seed">Seeds how much acquirer traffic passes before each kill, so a failing run can be repeated.</param>
internal sealed record ChaosForm(int Kills, int Terminals, int Seed)
{
    /// <summary>Registered test terminals (NodeConfig): T0000001 to T0000099.</summary>
    private const int MaxTerminals = 99;

    public static ChaosForm FromEnvironment() => new(
        Read("SWITCH_CHAOS_KILLS", 3, 1, 1000),
        Read("SWITCH_CHAOS_TERMINALS", 10, 2, MaxTerminals),
        Read("SWITCH_CHAOS_SEED", Random.Shared.Next(1, 1_000_000), 0, int.MaxValue));

    private static int Read(string variable, int fallback, int min, int max)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{variable}: '{text}' is not a whole number in {min}..{max}");
    }
}
