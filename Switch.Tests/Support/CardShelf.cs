using Akka.Actor;
using Switch.Actors.Cards;

namespace Switch.Tests.Support;

/// <summary>
/// Stands in for the card shard region in actor tests: each card token gets its real
/// <see cref="CardActor"/> as a child, started on its first message, as sharding would.
/// </summary>
internal sealed class CardShelf : ReceiveActor
{
    public CardShelf(CardEntitySettings settings)
    {
        Receive<IWithCardToken>(message =>
        {
            var card = Context.Child(message.CardToken);
            if (card.IsNobody())
            {
                card = Context.ActorOf(CardActor.Props(message.CardToken, settings), message.CardToken);
            }

            card.Forward(message);
        });
    }

    public static Props Props(CardEntitySettings settings) => Akka.Actor.Props.Create(() => new CardShelf(settings));
}
