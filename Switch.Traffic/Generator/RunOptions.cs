using System.Globalization;
using System.Net;
using Switch.Protocol.Framing;
using Switch.Protocol.Iso8583.Specs;
using Switch.Traffic.Generator.Recovery;
using Switch.Traffic.Scenarios;

namespace Switch.Traffic.Generator;

/// <summary>One generator run: who to hit, how hard, for how long, and what the terminals send.</summary>
public sealed record RunOptions
{
    public const string DefaultMid = "M00000000000001";

    /// <summary>The highest terminal number a TID (<c>T</c> and 7 digits) can carry.</summary>
    public const int MaxTerminalNumber = 9_999_999;

    public required IPEndPoint Target { get; init; }
    public int Terminals { get; init; } = 1;
    /// <summary>Requests per second over all terminals (open loop); null runs closed loop.</summary>
    public double? Rate { get; init; }
    /// <summary>Closed loop: requests each terminal keeps outstanding.</summary>
    public int Pipeline { get; init; } = 1;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Connections, and with them the rate, are spread over this much time before <see cref="Duration"/> starts.</summary>
    public TimeSpan RampUp { get; init; } = TimeSpan.Zero;
    public int FirstTerminal { get; init; } = 1;
    /// <summary>Amount in minor units (the acquirer simulator answers by its last two digits).</summary>
    public long Amount { get; init; } = 1000;
    /// <summary>A request unanswered this long is an error; also the wait for stragglers at the end.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public IsoProfile Profile { get; init; } = Iso87.Ascii;
    public FrameOptions Framing { get; init; } = FrameOptions.Default;
    public string Mid { get; init; } = DefaultMid;
    /// <summary>What each terminal sends after sign-on; purchases of <see cref="Amount"/> when null.</summary>
    public IRequestFactory? Requests { get; init; }
    /// <summary>A scenario mix: terminals run flows (challenges, reversals, declines) instead of <see cref="Requests"/>.</summary>
    public ScenarioOptions? Scenarios { get; init; }
    /// <summary>The terminals speak TLS to the target; plain TCP when null.</summary>
    public ClientTlsOptions? Tls { get; init; }
    /// <summary>
    /// Terminals authenticate with a MAC: each has a master key (<see cref="RunMasterKeys"/>, put by
    /// provisioning), takes its session key from the sign-on answer, MACs every request and checks
    /// the MAC of every answer.
    /// </summary>
    public bool Mac { get; init; }
    /// <summary>Terminals that reconnect, retransmit and reverse through a failing switch (<c>--recover</c>); null for the plain generator.</summary>
    public RecoveryOptions? Recovery { get; init; }

    public bool ClosedLoop => Rate is null;

    public string Tid(int terminalIndex) => string.Create(CultureInfo.InvariantCulture, $"T{FirstTerminal + terminalIndex:D7}");

    /// <summary>When terminal <paramref name="terminalIndex"/> connects: the ramp-up spread evenly over the terminals.</summary>
    public TimeSpan StartOffset(int terminalIndex) => TimeSpan.FromTicks(RampUp.Ticks * terminalIndex / Terminals);

    /// <summary>The first problem found, naming the command-line option it comes from; null when the options can run.</summary>
    public string? Validate()
    {
        if (Terminals < 1)
        {
            return "--terminals: must be at least 1";
        }

        if (Rate is { } rate && (!double.IsFinite(rate) || rate <= 0))
        {
            return "--rate: must be a positive number of requests per second";
        }

        if (Pipeline < 1 || Pipeline > 10_000)
        {
            return "--pipeline: must be 1..10000";
        }

        if (Duration <= TimeSpan.Zero)
        {
            return "--duration: must be positive";
        }

        if (RampUp < TimeSpan.Zero)
        {
            return "--ramp-up: must not be negative";
        }

        if (FirstTerminal < 0 || (long)FirstTerminal + Terminals - 1 > MaxTerminalNumber)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--first-terminal: terminals {FirstTerminal}..{(long)FirstTerminal + Terminals - 1} do not fit T0000000..T{MaxTerminalNumber}");
        }

        if (Amount < 1 || Amount > 999_999_999_999)
        {
            return "--amount: must be 1..999999999999 minor units";
        }

        if (Timeout <= TimeSpan.Zero)
        {
            return "--timeout: must be positive";
        }

        if (Mid.Length is 0 or > 15 || !Mid.All(char.IsAsciiLetterOrDigit))
        {
            return "--mid: must be 1..15 ASCII letters or digits";
        }

        return Scenarios?.Validate(Terminals, Mid) ?? Recovery?.Validate(this);
    }
}
