using System.Globalization;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Tlv;
using Switch.Protocol.Masking;
using Switch.Traffic.Generator;

namespace Switch.Traffic.Scenarios;

/// <summary>
/// One simulated cardholder's transaction: the requests of its scenario, one after another on one
/// terminal, each with a new STAN, each decided by the answer to the one before. The first request
/// is timed by the schedule; the rest go as soon as the answer (or the texted code) is in. A flow
/// ends exactly once (<see cref="TryEnd"/>), with a final answer or a failure. Whoever holds the
/// flow's outstanding request (or its code wait) is the only one touching it, so it needs no lock.
/// </summary>
internal sealed class Flow
{
    /// <summary>A flow that has not ended after this many requests is not a challenge the switch runs; it is failed.</summary>
    private const int MaxRequests = 12;
    private const string Approved = "00";
    private const string ChallengeStep = "1A";

    private readonly string _pan;
    private readonly string? _phone;
    private readonly long _amount;
    private readonly List<string>? _trace;
    private Stage _stage;
    private string? _challengeId;
    private string? _code;
    private int _originalStan;
    private long _originalTransmission;
    private string _sent = string.Empty;
    private int _ended;

    /// <param name="phone">The phone bound to the card, for challenged scenarios; null for plain ones.</param>
    /// <param name="traced">Keep a masked trace of the steps (the report's example for the scenario).</param>
    public Flow(Scenario scenario, string pan, string? phone, long amount, bool traced)
    {
        Scenario = scenario;
        _pan = pan;
        _phone = phone;
        _amount = amount;
        _trace = traced ? [] : null;
    }

    private enum Stage
    {
        Purchase,
        Phone,
        Code,
        Reversal,
    }

    public Scenario Scenario { get; }

    /// <summary>When the first request was due (open loop) or sent (closed loop); set by <see cref="Begin"/>.</summary>
    public long StartMicros { get; private set; }

    public int Requests { get; private set; }

    /// <summary>The challenge the switch opened, once it has.</summary>
    public string? ChallengeId => _challengeId;

    /// <summary>The steps so far, masked (no PAN, phone or code in clear); null unless traced.</summary>
    public IReadOnlyList<string>? Trace => _trace;

    /// <summary>The first request has gone, timed from <paramref name="startMicros"/>.</summary>
    public void Begin(long startMicros) => StartMicros = startMicros;

    /// <summary>Claims the flow's end; true for the one caller that ends it.</summary>
    public bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>Writes the flow's next request into <paramref name="destination"/>; returns its length.</summary>
    public int Write(Span<byte> destination, in RequestContext context, FlowTerminal terminal)
    {
        Requests++;
        var writer = new IsoMessageWriter(destination, terminal.Profile, _stage == Stage.Reversal ? 400 : 200);
        var transmission = PurchaseFactory.TransmissionDateTime(context.UtcNow);
        writer.Write(2, _pan);
        writer.WriteNumber(3, 0);
        writer.WriteNumber(4, _amount);
        writer.WriteNumber(7, transmission);
        writer.WriteNumber(11, context.Stan);
        writer.Write(14, terminal.Expiry);
        writer.Write(22, "051");
        writer.Write(41, context.Tid);
        writer.Write(42, terminal.Mid);
        writer.Write(49, "156");
        switch (_stage)
        {
            case Stage.Purchase:
                _originalStan = context.Stan;
                _originalTransmission = transmission;
                Note(string.Create(CultureInfo.InvariantCulture, $"0200 {Mask.Pan(_pan)} amount {_amount}"));
                break;
            case Stage.Phone:
                WriteChallengeStep(ref writer, ChallengeTags.PhoneNumber, _phone!);
                Note($"0200 (62: CI, PN={Mask.Phone(_phone)})");
                break;
            case Stage.Code:
                var typed = Scenario == Scenario.WrongCode ? Mistype(_code!) : _code!;
                WriteChallengeStep(ref writer, ChallengeTags.OneTimeCode, typed);
                Note($"0200 (62: CI, OT={new string('*', typed.Length)}, {(Scenario == Scenario.WrongCode ? "a wrong code" : "the texted code")})");
                break;
            default:
                writer.Write(90, string.Create(CultureInfo.InvariantCulture, $"0200{_originalStan:D6}{_originalTransmission:D10}{0L:D11}{0L:D11}"));
                Note(string.Create(CultureInfo.InvariantCulture, $"0400 field 90 names 0200 STAN {_originalStan:D6}"));
                break;
        }

        return writer.Complete();
    }

    /// <summary>The answer to the flow's last request decides the next step.</summary>
    public FlowStep OnAnswer(in IsoMessage answer)
    {
        var code = answer.GetString(39);
        var prompt = code == ChallengeStep ? ChallengePrompt.From(in answer) : null;
        Heard(code, prompt, answer.Has(37) ? answer.GetString(37) : null);
        if (_stage == Stage.Reversal)
        {
            return FlowStep.Completed(code);
        }

        if (code != ChallengeStep)
        {
            if (Scenario == Scenario.Reversal && code == Approved)
            {
                _stage = Stage.Reversal;
                return FlowStep.Send;
            }

            return FlowStep.Completed(code);
        }

        // A plain card challenged (a merchant whose policy is not never): its cardholder has no phone to give.
        if (_phone is null)
        {
            return FlowStep.Completed(code);
        }

        if (prompt is null || Requests >= MaxRequests || (_challengeId is not null && _challengeId != prompt.ChallengeId))
        {
            return FlowStep.Failed(FlowFailure.Unexpected);
        }

        _challengeId = prompt.ChallengeId;
        if (!prompt.IsOtp)
        {
            _stage = Stage.Phone;
            return FlowStep.Send;
        }

        // A wrong-code cardholder already read the code and keeps mistyping it; anyone else reads the (latest) SMS.
        if (Scenario == Scenario.WrongCode && _code is not null)
        {
            _stage = Stage.Code;
            return FlowStep.Send;
        }

        return FlowStep.AwaitCode;
    }

    /// <summary>The SMS sink's code for the challenge, or null when none came in time.</summary>
    public FlowStep OnCode(string? code)
    {
        if (code is null)
        {
            return FlowStep.Failed(FlowFailure.NoCode);
        }

        _trace?.Add($"SMS read at the sink: a {code.Length}-digit code");
        _code = code;
        _stage = Stage.Code;
        return FlowStep.Send;
    }

    /// <summary>Adds why the flow failed to its trace.</summary>
    public void Failed(FlowFailure failure) =>
        _trace?.Add(_sent.Length > 0 ? $"{_sent} -> failed: {FlowFailures.Name(failure)}" : $"failed: {FlowFailures.Name(failure)}");

    /// <summary>The code with its last digit changed: surely wrong, as a cardholder's slip would be.</summary>
    internal static string Mistype(string code) => string.Concat(code.AsSpan(0, code.Length - 1), [(char)('0' + ((code[^1] - '0' + 1) % 10))]);

    private void WriteChallengeStep(ref IsoMessageWriter writer, ReadOnlySpan<byte> tag, string value)
    {
        var tlv = new TlvWriter(writer.BeginField(ChallengeTags.Field), ChallengeTags.Field);
        tlv.Write(ChallengeTags.ChallengeId, _challengeId);
        tlv.Write(tag, value);
        writer.EndField(tlv.Written);
    }

    private void Note(string sent)
    {
        if (_trace is not null)
        {
            _sent = sent;
        }
    }

    private void Heard(string code, ChallengePrompt? prompt, string? rrn)
    {
        if (_trace is null)
        {
            return;
        }

        var answer = prompt is not null ? $"{code} {prompt}" : rrn is not null ? $"{code} RRN {rrn}" : code;
        _trace.Add($"{_sent} -> {answer}");
        _sent = string.Empty;
    }
}
