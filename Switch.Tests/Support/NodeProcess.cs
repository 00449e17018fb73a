using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Switch.Tests.Support;

/// <summary>
/// `Switch.Host run` as its own process, so a test can kill it (SIGKILL) the way a crash would and
/// start it again on the same journal. Its endpoints are read from its start-up log line.
/// </summary>
internal sealed partial class NodeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a fresh process may take over its first terminal reply: the whole path (entity start,
    /// journal recovery, persist) runs for the first time, compiled from cold, on a loaded CI machine.
    /// </summary>
    public static TimeSpan FirstReplyWait { get; } = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<(IPEndPoint Terminals, IPEndPoint Admin)> _up = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process)
    {
        _process = process;
    }

    public IPEndPoint TerminalEndPoint { get; private set; } = null!;

    public IPEndPoint AdminEndPoint { get; private set; } = null!;

    /// <summary>An HTTP client of the node's admin API carrying the bearer token.</summary>
    public HttpClient AdminClient(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://{AdminEndPoint}") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Everything the process wrote so far, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the node and waits until it reports its endpoints.</summary>
    public static async Task<NodeProcess> StartAsync(params string[] arguments)
    {
        var node = Launch(arguments);
        try
        {
            (node.TerminalEndPoint, node.AdminEndPoint) = await node._up.Task.WaitAsync(StartLimit);
            return node;
        }
        catch (TimeoutException)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"the node did not come up within {StartLimit}:\n{node.Output}");
        }
    }

    /// <summary>Runs the node to completion (for arguments that stop it at once) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] arguments)
    {
        await using var node = Launch(arguments);
        await node._process.WaitForExitAsync().WaitAsync(StartLimit);
        node._process.WaitForExit();
        return (node._process.ExitCode, node.Output);
    }

    /// <summary>Kills the process outright (SIGKILL): no shutdown hook, hand-off or flush runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the node to stop as an orchestrator does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(within);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private static NodeProcess Launch(string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Switch.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var node = new NodeProcess(new Process { StartInfo = start });
        node._process.OutputDataReceived += (_, line) => node.Record(line.Data);
        node._process.ErrorDataReceived += (_, line) => node.Record(line.Data);
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var up = UpLine().Match(line);
        if (up.Success)
        {
            _up.TrySetResult((IPEndPoint.Parse(up.Groups[1].Value), IPEndPoint.Parse(up.Groups[2].Value)));
        }
    }

    [GeneratedRegex(@"terminals on (\S+), admin API on (\S+),")]
    private static partial Regex UpLine();
}
