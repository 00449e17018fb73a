namespace Switch.Tests.Host;

/// <summary>
/// Tests that start node processes run one after another: each process compiles Akka, Kestrel and
/// SQLite from cold, and several at once on two cores beside the rest of the suite starve each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NodeProcesses
{
    public const string Name = "node processes";
}
