using Akka.Actor;
using Switch.Actors.Terminals;

namespace Switch.Tests.Actors.Terminals;

/// <summary>A transaction child the test drives: reports what it is told, and says to its parent what the test scripts.</summary>
internal sealed class ScriptedTransaction : ReceiveActor
{
    public ScriptedTransaction(IActorRef observer)
    {
        Receive<AuthorizeTransaction>(m => observer.Tell(m));
        Receive<StartedJournaled>(m => observer.Tell(m));
        Receive<ToParent>(m => Context.Parent.Tell(m.Message));
        Receive<Crash>(_ => throw new InvalidOperationException("scripted failure"));
    }

    public sealed record ToParent(object Message);

    public sealed record Crash;
}
