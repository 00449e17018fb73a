using System.CommandLine;
using Switch.Traffic.Generator.Recovery;

namespace Switch.Traffic.Cli;

/// <summary>The run command's <c>--recover</c> options: terminals that reconnect, retransmit and reverse, and their outcomes file.</summary>
internal sealed class RecoveryArguments
{
    private readonly Option<bool> _recover = new("--recover")
    {
        Description = "terminals recover as a POS does: reconnect and sign on again, retransmit an unanswered request exactly, then reverse it (closed loop, pipeline 1)",
    };

    private readonly Option<int> _retransmits = new("--retransmits") { Description = "with --recover: exact retransmissions of an unanswered request before it is reversed", DefaultValueFactory = _ => 3 };
    private readonly Option<string> _giveUp = new("--give-up") { Description = "with --recover: how long after the sending window a terminal keeps settling its last request", DefaultValueFactory = _ => "60s" };
    private readonly Option<string?> _outcomes = new("--outcomes") { Description = "with --recover: a file getting one JSON line per request (tid, stan, mti, transmissionTime, amount, sends, responseCode, rrn, reversalCode)" };

    public IEnumerable<Option> All => [_recover, _retransmits, _giveUp, _outcomes];

    /// <summary>The recovery options, or null without <c>--recover</c>; false with a message naming the option at fault.</summary>
    public bool TryRead(ParseResult result, out RecoveryOptions? recovery, out string failure)
    {
        recovery = null;
        failure = string.Empty;
        var recovering = result.GetValue(_recover);
        if (!recovering)
        {
            var stray = new Option[] { _retransmits, _giveUp, _outcomes }.FirstOrDefault(o => result.GetResult(o) is { Implicit: false });
            failure = stray is null ? string.Empty : $"{stray.Name}: only with --recover";
            return stray is null;
        }

        if (!Durations.TryParse(result.GetValue(_giveUp), out var giveUp))
        {
            failure = $"--give-up: '{result.GetValue(_giveUp)}' is not a duration (e.g. 500ms, 10s, 2m)";
            return false;
        }

        recovery = new RecoveryOptions { Retransmits = result.GetValue(_retransmits), GiveUpAfter = giveUp, OutcomesPath = result.GetValue(_outcomes) };
        return true;
    }
}
