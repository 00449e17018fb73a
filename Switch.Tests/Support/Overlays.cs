using Akka.Configuration;
using Switch.Host.Configuration;

namespace Switch.Tests.Support;

/// <summary>Configuration overlays a test writes to files of its own, loaded over hocon/switch.conf and deleted with the test.</summary>
internal sealed class Overlays : IDisposable
{
    /// <summary>No environment variables, so a developer's shell cannot change what a test reads.</summary>
    public static readonly Func<string, string?> NoEnvironment = _ => null;

    private readonly List<string> _files = [];

    /// <summary>Writes <paramref name="text"/> to a new file and returns its path.</summary>
    public string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"overlay-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        _files.Add(path);
        return path;
    }

    /// <summary>The configuration with each text applied as an overlay, in order.</summary>
    public Config Load(params string[] texts) => SwitchConfiguration.Load([.. texts.Select(Write)], NoEnvironment);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
