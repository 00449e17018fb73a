using System.Text.Json;
using System.Threading.Channels;

namespace Switch.Traffic.Acquirer;

/// <summary>
/// The simulator's record of every message received: in memory for tests and reports, and as JSON
/// lines in a file when one is given. File writes happen on one background task, flushed whenever
/// the queue runs dry, so recording never slows the answer.
/// </summary>
public sealed class Ledger : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<LedgerEntry> _entries = [];
    private readonly Channel<LedgerEntry>? _pending;
    private readonly Task _writer = Task.CompletedTask;

    public Ledger(string? path = null)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _pending = Channel.CreateUnbounded<LedgerEntry>(new UnboundedChannelOptions { SingleReader = true });
        _writer = WriteAsync(path, _pending.Reader);
    }

    public void Record(LedgerEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }

        _pending?.Writer.TryWrite(entry);
    }

    public IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>The reversals (0400 and repeats as 0401) received so far.</summary>
    public IReadOnlyList<LedgerEntry> Reversals => [.. Entries.Where(e => e.IsReversal)];

    public async ValueTask DisposeAsync()
    {
        _pending?.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private static async Task WriteAsync(string path, ChannelReader<LedgerEntry> entries)
    {
        var file = new StreamWriter(path, append: true);
        await using (file.ConfigureAwait(false))
        {
            while (await entries.WaitToReadAsync().ConfigureAwait(false))
            {
                while (entries.TryRead(out var entry))
                {
                    await file.WriteLineAsync(JsonSerializer.Serialize(entry)).ConfigureAwait(false);
                }

                await file.FlushAsync().ConfigureAwait(false);
            }
        }
    }
}
