using Switch.Protocol.Iso8583;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// One terminal's flows: picks each new flow's scenario, and moves a flow on when its answer, its
/// code or its failure comes. Codes are awaited off the read loop; the flow's next request then goes
/// out from that continuation. Counts flows in progress, so closed loop keeps its pipeline of flows
/// and the end of the run waits for them.
/// </summary>
internal sealed class FlowDriver : IAsyncDisposable
{
    private readonly FlowFactory _factory;
    private readonly int _terminal;
    private readonly IFlowSender _sender;
    private readonly RunClock _clock;
    private readonly ScenarioPicker _picker;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _codeWaits = [];
    private Flow? _next;
    private long _turn;
    private int _active;

    public FlowDriver(FlowFactory factory, int terminal, IFlowSender sender, RunClock clock)
    {
        _factory = factory;
        _terminal = terminal;
        _sender = sender;
        _clock = clock;
        _picker = new ScenarioPicker(factory.Plan.Weights(terminal), offset: terminal);
        Terminal = factory.Terminal(terminal);
    }

    public FlowTerminal Terminal { get; }

    /// <summary>The share of the run's rate this terminal sends (open loop).</summary>
    public double RateShare => _factory.Plan.RateShare(_terminal);

    /// <summary>Flows started and not yet ended.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>The flow to start next; the same one until <see cref="Started"/> (a send that could not go is tried again with it). Under the terminal's send lock.</summary>
    public Flow Next() => _next ??= _factory.Create(_picker.Next(), _terminal, _turn);

    /// <summary>The flow's first request went, timed from <paramref name="startMicros"/>. Under the send lock, before the request is flushed.</summary>
    public void Started(Flow flow, long startMicros)
    {
        _next = null;
        _turn++;
        flow.Begin(startMicros);
        Interlocked.Increment(ref _active);
        _factory.Recorder.Started(flow.Scenario);
    }

    /// <summary>The answer to the flow's outstanding request (already recorded as a response).</summary>
    public void OnAnswer(Flow flow, in IsoMessage answer) => Apply(flow, flow.OnAnswer(in answer));

    /// <summary>The flow's outstanding request ended without an answer.</summary>
    public void Fail(Flow flow, FlowFailure failure)
    {
        if (flow.TryEnd())
        {
            _factory.Recorder.Failed(flow, failure, _clock.NowMicros);
            Ended();
        }
    }

    /// <summary>
    /// The terminal has closed and reads no more: stops waiting for codes (those flows fail as
    /// not sent) and returns once every wait has ended, so every flow has ended too.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] waits;
        lock (_codeWaits)
        {
            waits = [.. _codeWaits];
        }

        await Task.WhenAll(waits).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Apply(Flow flow, FlowStep step)
    {
        switch (step.Kind)
        {
            case FlowStepKind.Send:
                if (!_sender.TrySendStep(flow))
                {
                    Fail(flow, FlowFailure.NotSent);
                }

                break;
            case FlowStepKind.AwaitCode:
                var wait = AwaitCodeAsync(flow);
                lock (_codeWaits)
                {
                    _codeWaits.RemoveAll(w => w.IsCompleted);
                    _codeWaits.Add(wait);
                }

                break;
            case FlowStepKind.Completed:
                if (flow.TryEnd())
                {
                    _factory.Recorder.Completed(flow, step.ResponseCode!, _clock.NowMicros);
                    Ended();
                }

                break;
            default:
                Fail(flow, step.Failure);
                break;
        }
    }

    private async Task AwaitCodeAsync(Flow flow)
    {
        string? code;
        try
        {
            // Yield first: the answer's read loop goes back to reading, whether or not the code is in already.
            await Task.Yield();
            code = await _factory.Sms!.WaitForCodeAsync(flow.ChallengeId!, _factory.Timeout, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Fail(flow, FlowFailure.NotSent);
            return;
        }

        Apply(flow, flow.OnCode(code));
    }

    private void Ended()
    {
        Interlocked.Decrement(ref _active);
        _sender.FlowEnded();
    }
}
