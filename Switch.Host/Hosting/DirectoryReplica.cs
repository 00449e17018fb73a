using Akka.Actor;
using Akka.DistributedData;
using Akka.Event;

namespace Switch.Host.Hosting;

/// <summary>
/// This node's copy of a registry whose one writer is a cluster singleton, maybe on another node: a
/// reader (the registry's own actor on this node's directory, which is never sent a command and so
/// never writes) recovers the journal and publishes what it finds. When <see cref="PublishedVersion"/>
/// says a newer version was published somewhere, the reader is stopped and started again, so it
/// recovers the change. The directory keeps the newest publication, so a reader that read the journal
/// just before the singleton here published never takes the directory back.
/// </summary>
internal sealed class DirectoryReplica : ReceiveActor
{
    private readonly Props _reader;
    private readonly LWWRegisterKey<long> _key;
    private readonly Func<long> _published;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef _current = ActorRefs.Nobody;
    private bool _restarting;

    public DirectoryReplica(Props reader, LWWRegisterKey<long> key, Func<long> published)
    {
        _reader = reader;
        _key = key;
        _published = published;
        Receive<Changed>(changed =>
        {
            var newest = changed.Get(_key).Value;
            if (!_restarting && newest > _published())
            {
                _log.Debug("{0}: version {1} published elsewhere, {2} here; recovering again", _key.Id, newest, _published());
                _restarting = true;
                Context.Stop(_current);
            }
        });
        Receive<Terminated>(stopped =>
        {
            if (stopped.ActorRef.Equals(_current))
            {
                _restarting = false;
                Start();
            }
        });
    }

    /// <param name="reader">The registry actor on this node's directory, under a backoff supervisor.</param>
    /// <param name="key">Where the newest published version is kept.</param>
    /// <param name="published">The version this node's directory holds.</param>
    public static Props Props(Props reader, LWWRegisterKey<long> key, Func<long> published) =>
        Akka.Actor.Props.Create(() => new DirectoryReplica(reader, key, published));

    protected override void PreStart()
    {
        Start();
        DistributedData.Get(Context.System).Replicator.Tell(Dsl.Subscribe(_key, Self));
    }

    private void Start() => _current = Context.Watch(Context.ActorOf(_reader));
}
