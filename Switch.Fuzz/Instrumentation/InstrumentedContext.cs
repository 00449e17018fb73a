using System.Reflection;
using System.Runtime.Loader;
using SharpFuzz;

namespace Switch.Fuzz.Instrumentation;

/// <summary>
/// A load context in which Switch.Protocol is a copy instrumented by SharpFuzz (a hit counter at every
/// branch, in <see cref="SharpFuzz.Common.Trace"/>) and this assembly is loaded once more, so that the
/// fuzz targets and the engine call the instrumented codec. Every other assembly, SharpFuzz.Common
/// above all, comes from the default context, so the engine and the instrumented code share one
/// coverage map. The build output is never rewritten: the copy lives in memory.
/// </summary>
internal sealed class InstrumentedContext : AssemblyLoadContext
{
    public const string InstrumentedAssembly = "Switch.Protocol";

    private readonly Assembly _protocol;
    private readonly Assembly _self;

    private InstrumentedContext()
        : base("switch-fuzz-instrumented")
    {
        (_protocol, InstrumentedTypes) = LoadInstrumented();
        _self = LoadFromAssemblyPath(typeof(InstrumentedContext).Assembly.Location);
    }

    /// <summary>How many types of Switch.Protocol carry instrumentation.</summary>
    public int InstrumentedTypes { get; }

    /// <summary>Whether code is running in such a context (the engine refuses to fuzz blind).</summary>
    public static bool IsActive => GetLoadContext(typeof(InstrumentedContext).Assembly) is { Name: "switch-fuzz-instrumented" };

    /// <summary>Runs the command line inside a fresh instrumented context.</summary>
    public static int Run(string[] args)
    {
        var context = new InstrumentedContext();
        Console.Error.WriteLine($"switch-fuzz: {context.InstrumentedTypes} types of {InstrumentedAssembly} instrumented");
        var cli = context._self.GetType("Switch.Fuzz.Cli.FuzzCli", throwOnError: true)!;
        var invoke = cli.GetMethod("Invoke", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return (int)invoke.Invoke(null, [args])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName) => assemblyName.Name switch
    {
        InstrumentedAssembly => _protocol,
        "Switch.Fuzz" => _self,
        _ => null,
    };

    private (Assembly Assembly, int Types) LoadInstrumented()
    {
        var source = Path.Combine(AppContext.BaseDirectory, InstrumentedAssembly + ".dll");
        var scratch = Directory.CreateTempSubdirectory("switch-fuzz-");
        try
        {
            var copy = Path.Combine(scratch.FullName, Path.GetFileName(source));
            File.Copy(source, copy);
            var types = Fuzzer.Instrument(copy, _ => true, Options.Value).Count();
            using var image = new MemoryStream(File.ReadAllBytes(copy));
            return (LoadFromStream(image), types);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
