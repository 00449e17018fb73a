using System.Diagnostics;

namespace Switch.Fuzz.Engine;

/// <summary>
/// An input that keeps the target busy past <paramref name="limit"/> is a finding the loop itself cannot
/// report (it never returns): a timer saves it beside the crashes and ends the process with exit 1.
/// </summary>
internal sealed class HangWatchdog(string target, TimeSpan limit, CorpusFiles crashes) : IDisposable
{
    private byte[]? _input;
    private long _since;
    private Timer? _timer;

    public void Arm(byte[] input)
    {
        _timer ??= new Timer(_ => Check(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Volatile.Write(ref _since, Stopwatch.GetTimestamp());
        Volatile.Write(ref _input, input);
    }

    public void Disarm() => Volatile.Write(ref _input, null);

    public void Dispose() => _timer?.Dispose();

    private void Check()
    {
        var input = Volatile.Read(ref _input);
        if (input is null || Stopwatch.GetElapsedTime(Volatile.Read(ref _since)) < limit)
        {
            return;
        }

        var file = crashes.Save($"{target}-hang", input);
        Console.Error.WriteLine($"{target}: an input ran past {limit.TotalSeconds:F0} s; saved to {file}");
        Environment.Exit(1);
    }
}
