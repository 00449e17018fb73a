using Akka.Actor;
using Switch.Actors.Registry;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Actors.Terminals;

/// <summary>The entity settings terminal actor tests share: one registered terminal, scripted transactions, a probe as acq-a's reversal queue.</summary>
internal static class TerminalTestSettings
{
    public static TerminalEntitySettings Create(string tid, IActorRef transactions, IActorRef reversals) => new(
        new TerminalDirectory([new Merchant(TerminalMessages.Mid, "Demo Shop", "5411", "CN", ChallengePolicy.Risk)], [new TerminalRegistration(tid, TerminalMessages.Mid)]),
        Iso87.Ascii,
        DuplicateWindow: TimeSpan.FromMinutes(5),
        PassivateAfter: TimeSpan.FromMinutes(10),
        new RequestValidator(maxAmount: 10_000_000),
        new RrnGenerator(nodeId: 1),
        new PanToken(new byte[32]),
        () => Props.Create(() => new ScriptedTransaction(transactions)),
        name => name == "acq-a" ? reversals : null);
}
