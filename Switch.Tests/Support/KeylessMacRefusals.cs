namespace Switch.Tests.Support;

/// <summary>
/// Tests that count keyless terminals' refusals (reason no-key) on the process-wide meter run one
/// class at a time, so each counts only its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KeylessMacRefusals
{
    public const string Name = "keyless MAC refusals";
}
