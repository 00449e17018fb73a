namespace Switch.Fuzz.Targets;

/// <summary>
/// One thing under fuzz. <see cref="Run"/> returns for every input it handles as the contract says;
/// anything it throws is a finding: an exception the code under test let escape, or a broken
/// property (<see cref="FuzzFindingException"/>).
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name on the command line and of the corpus folder.</summary>
    string Name { get; }

    /// <summary>Inputs are cut to this length: past it nothing new is reachable.</summary>
    int MaxInput { get; }

    void Run(ReadOnlySpan<byte> input);
}
