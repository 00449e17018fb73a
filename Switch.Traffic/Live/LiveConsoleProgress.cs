using Spectre.Console;
using Spectre.Console.Rendering;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Live;

/// <summary>
/// Progress as a table redrawn in place on an interactive terminal. Spectre's live display runs for
/// as long as a callback does, so the callback waits for <see cref="DisposeAsync"/> while reports
/// swap the table in from the run's sampler.
/// </summary>
public sealed class LiveConsoleProgress : IProgress<RunProgress>, IAsyncDisposable
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _title;
    private readonly Task _display;
    private LiveDisplayContext? _context;

    public LiveConsoleProgress(IAnsiConsole console, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        _title = title;
        _display = console.Live(Framed(new Text("connecting..."), title))
            .AutoClear(false)
            .StartAsync(async context =>
            {
                Volatile.Write(ref _context, context);
                await _finished.Task.ConfigureAwait(false);
            });
    }

    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Reports before the display has started have nothing to draw on; the next second's will.
        if (Volatile.Read(ref _context) is { } context)
        {
            context.UpdateTarget(Render(value, _title));
            context.Refresh();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _finished.TrySetResult();
        await _display.ConfigureAwait(false);
    }

    internal static IRenderable Render(RunProgress p, string title)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "time", ProgressText.Time(p));
        Row(grid, "throughput", ProgressText.Throughput(p));
        Row(grid, "latency", ProgressText.Latency(p));
        Row(grid, "requests", ProgressText.Counts(p), p.Errors > 0 ? Color.Red : Color.Default);
        Row(grid, "responses", ProgressText.Codes(p));
        Row(grid, "terminals", ProgressText.Terminals(p), p.SignedOn < p.Terminals ? Color.Yellow : Color.Default);
        return Framed(grid, title);
    }

    private static Panel Framed(IRenderable content, string title) => new Panel(content).Header(new PanelHeader(Markup.Escape(title)));

    private static void Row(Grid grid, string label, string value, Color? color = null) =>
        grid.AddRow(new Text(label, new Style(Color.Grey)), new Text(value, new Style(color ?? Color.Default)));
}
