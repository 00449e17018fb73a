using Switch.Fuzz.Instrumentation;

// Nothing here may touch Switch.Protocol: the fuzzer runs inside a load context where that
// assembly is the coverage-instrumented copy.
return InstrumentedContext.Run(args);
