using System.Text.Json;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>The outcomes file: one JSON line per settled request, written as each settles, so a run cut short keeps what it had.</summary>
public sealed class OutcomeLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _file;

    public OutcomeLog(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public void Write(RequestOutcome outcome)
    {
        var line = JsonSerializer.Serialize(outcome);
        lock (_gate)
        {
            _file.WriteLine(line);
        }
    }

    /// <summary>Every outcome in a file <see cref="Write"/> wrote.</summary>
    public static IReadOnlyList<RequestOutcome> Read(string path) =>
        [.. File.ReadLines(path).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<RequestOutcome>(line)!)];

    public void Dispose()
    {
        lock (_gate)
        {
            _file.Dispose();
        }
    }
}
