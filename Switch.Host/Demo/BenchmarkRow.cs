using Switch.Traffic.Generator;

namespace Switch.Host.Demo;

/// <summary>One path's closed-loop and open-loop results.</summary>
public sealed record BenchmarkRow(string Path, RunResults ClosedLoop, RunResults OpenLoop);
