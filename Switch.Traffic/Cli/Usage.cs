namespace Switch.Traffic.Cli;

internal static class Usage
{
    /// <summary>Exit code for bad arguments or configuration (DESIGN.md).</summary>
    public const int BadArguments = 2;

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return BadArguments;
    }
}
