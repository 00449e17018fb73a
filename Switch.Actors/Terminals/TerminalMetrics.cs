using System.Diagnostics.Metrics;
using Switch.Actors.Events;

namespace Switch.Actors.Terminals;

/// <summary>What terminals were answered, counted once each outcome is journaled.</summary>
public static class TerminalMetrics
{
    public const string TransactionsName = "switch.transactions";
    public const string ReversalsName = "switch.terminal_reversals";
    public const string MerchantMismatchesName = "switch.merchant_mismatches";
    public const string UndeliveredName = "switch.terminal.undelivered_requests";

    private static readonly Counter<long> Transactions = SwitchMeter.Instance.CreateCounter<long>(
        TransactionsName, "{transaction}", "Authorizations and purchases by outcome and response code (field 39).");

    private static readonly Counter<long> Reversals = SwitchMeter.Instance.CreateCounter<long>(
        ReversalsName, "{reversal}", "Terminal reversals (0400/0401) by outcome and response code.");

    private static readonly Counter<long> MerchantMismatches = SwitchMeter.Instance.CreateCounter<long>(
        MerchantMismatchesName, "{request}", "Requests refused (58) for naming another merchant (field 42) or MCC (field 18): attempted code jumping.");

    private static readonly Counter<long> UndeliveredRequests = SwitchMeter.Instance.CreateCounter<long>(
        UndeliveredName, "{request}", "Terminal requests that never reached their entity (it could not start, or its node died), answered 96.");

    internal static void Undelivered() => UndeliveredRequests.Add(1);

    internal static void MerchantMismatch(MerchantMismatch mismatch) => MerchantMismatches.Add(
        1, new KeyValuePair<string, object?>("field", mismatch == Terminals.MerchantMismatch.Mid ? "mid" : "mcc"));

    internal static void Completed(TransactionCompleted completed) => Transactions.Add(
        1,
        new KeyValuePair<string, object?>("outcome", Name(completed.Outcome)),
        new KeyValuePair<string, object?>("response_code", completed.ResponseCode));

    internal static void ReversalCompleted(TerminalReversalCompleted completed) => Reversals.Add(
        1,
        new KeyValuePair<string, object?>("outcome", Name(completed.Outcome)),
        new KeyValuePair<string, object?>("response_code", completed.ResponseCode));

    // Constant names: Enum.ToString would allocate a string per transaction on the hot path.
    private static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Answered => "answered",
        Outcome.DeclinedLocally => "declined_locally",
        Outcome.Unavailable => "unavailable",
        Outcome.ReversalQueued => "reversal_queued",
        Outcome.ReversalRefused => "reversal_refused",
        _ => "unspecified",
    };

    private static string Name(TerminalReversalOutcome outcome) => outcome switch
    {
        TerminalReversalOutcome.Queued => "queued",
        TerminalReversalOutcome.AlreadyReversed => "already_reversed",
        TerminalReversalOutcome.NotSent => "not_sent",
        TerminalReversalOutcome.Refused => "refused",
        _ => "unspecified",
    };
}
