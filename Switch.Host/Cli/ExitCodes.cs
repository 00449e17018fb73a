namespace Switch.Host.Cli;

/// <summary>The node's exit codes (DESIGN.md's command line).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;
}
