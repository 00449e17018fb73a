namespace Switch.Host.Demo;

/// <summary>One end-to-end benchmark: the same load on each path.</summary>
/// <param name="DataDirectory">Where the SQLite journal, the overlays and the results go.</param>
/// <param name="Terminals">Simulated terminals on every path.</param>
/// <param name="WarmUp">A closed-loop run before each measured pair, not counted: the JIT and the database settle.</param>
/// <param name="Duration">Each measured run.</param>
/// <param name="Rate">The open-loop run's rate, requests per second.</param>
/// <param name="Tls">One path more: the in-memory journal's with TLS on the terminal port.</param>
public sealed record BenchmarkOptions(string DataDirectory, int Terminals, TimeSpan WarmUp, TimeSpan Duration, double Rate, bool Tls = false);
