using System.Net;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Event;
using Akka.Hosting;
using Akka.Logger.Serilog;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Switch.Actors.Cards;
using Switch.Actors.Cards.Challenges;
using Switch.Actors.Fees;
using Switch.Actors.Risk;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;
using Switch.Actors.Serialization;
using Switch.Actors.Terminals;
using Switch.Actors.Transactions;
using Switch.Host.Acquirers;
using Switch.Host.Configuration;
using Switch.Host.Persistence;
using ILogger = Serilog.ILogger;

namespace Switch.Host.Hosting;

/// <summary>
/// The node's actor system: remoting and a cluster (of one unless seed nodes say otherwise), the
/// journal, the protobuf serializers of events and of cluster messages, each acquirer's link and
/// reversal queue, the router, the registry and fee plans (singletons with a replica per node), the
/// card entities sharded by PAN token, and the terminal entities sharded by TID.
/// </summary>
public static class ActorSystemSetup
{
    public const string SystemName = "switch";

    /// <summary>
    /// The link's timeout is the transaction's deadline; this margin is only a guard in case the
    /// link never answers at all (it died), so the transaction cannot wait forever.
    /// </summary>
    private static readonly TimeSpan TransactionGuardMargin = TimeSpan.FromSeconds(1);

    public static IServiceCollection AddSwitchActorSystem(this IServiceCollection services, SwitchSettings settings, Config config, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(config);
        AcquirerWiring? acquirers = null;
        // Published by the registry's actors on this node once recovered; read by every terminal entity and the admin API.
        var directory = new TerminalDirectory();
        services.AddSingleton(directory);
        // Published by the fee-plan registry's actors on this node once recovered; read by transactions and the admin API.
        var feePlans = new FeePlanDirectory();
        services.AddSingleton(feePlans);
        // Seals terminals' master keys: the registry's seed here, the admin API's PUTs, the entities' sign-ons.
        var keyCipher = new TerminalKeyCipher(settings.Security.TerminalKeyEncryptionKey);
        services.AddSingleton(keyCipher);
        return services.AddAkka(SystemName, builder =>
        {
            if (JournalConfiguration.ConnectionSetup(settings.Journal) is { } connectionSetup)
            {
                builder.AddSetup(connectionSetup);
            }

            builder
                .AddHocon(ProtobufSerializer.Config, HoconAddMode.Prepend)
                .AddHocon(ClusterMessageSerializer.Config, HoconAddMode.Prepend)
                .AddHocon(JournalConfiguration.For(settings.Journal), HoconAddMode.Prepend)
                .AddHocon(ClusterDowning.For(settings.Cluster), HoconAddMode.Prepend)
                // The host orders the stop: Kestrel drains the terminal connections first, then Akka.Hosting
                // runs the coordinated shutdown. Akka's own hook would leave the cluster on SIGTERM at
                // once, and answers still coming from other nodes would never reach the draining connections.
                .AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend)
                // Last, so an operator's akka.* settings in an overlay win over the switch's own.
                .AddHocon(config, HoconAddMode.Prepend)
                .ConfigureLoggers(loggers =>
                {
                    loggers.ClearLoggers();
                    loggers.AddSerilogLogging();
                })
                .WithRemoting(new RemoteOptions
                {
                    HostName = settings.Cluster.Listen.Address.ToString(),
                    Port = settings.Cluster.Listen.Port,
                })
                .WithClustering(new ClusterOptions { SeedNodes = settings.Cluster.SeedNodes.Select(SeedAddress).ToArray() })
                .AddStartup((system, _) => JoinSelfWithoutSeeds(system, settings.Cluster))
                .WithActors((system, registry) =>
                {
                    acquirers = AcquirerWiring.Start(system, settings, new TcpLinkTransportFactory(log, settings.AcquirerTls));
                    registry.Register<AcquirerRouter>(acquirers.Router);
                })
                .WithRegistries(settings, directory, feePlans, keyCipher)
                .WithShardRegion<CardRegion>(
                    "card",
                    (_, _, resolver) =>
                    {
                        var cards = CardSettings(settings, resolver.GetService<ISmsSender>());
                        return token => CardActor.Props(token, cards);
                    },
                    new CardMessageExtractor(),
                    new ShardOptions
                    {
                        StateStoreMode = StateStoreMode.DData,
                        // A card has nothing in flight of its own: it starts when a message comes.
                        RememberEntities = false,
                        HandOffStopMessage = StopCard.Instance,
                        // Cards passivate themselves (switch.cards.passivate-after), through the hand-off stop.
                        ShouldPassivateIdleEntities = false,
                    })
                .WithShardRegion<TerminalRegion>(
                    "terminal",
                    (system, registry) =>
                    {
                        var entities = TerminalSettings(settings, acquirers ?? throw new InvalidOperationException("the acquirers start before the terminal region"), registry.Get<CardRegion>(), directory, feePlans, keyCipher, system);
                        return tid => TerminalActor.Props(tid, entities);
                    },
                    new TerminalMessageExtractor(),
                    new ShardOptions
                    {
                        StateStoreMode = StateStoreMode.DData,
                        // Not remembered: the TerminalWaker starts those alive at a crash, without
                        // making every entity start and stop a journal write sharding depends on.
                        RememberEntities = false,
                        HandOffStopMessage = StopTerminal.Instance,
                        // Terminals passivate themselves (passivate-after), through the hand-off stop.
                        ShouldPassivateIdleEntities = false,
                    })
                .WithActors((system, registry) => system.ActorOf(
                    TerminalWaker.Props(
                        registry.Get<TerminalRegion>(),
                        // An entity passivates after passivate-after to twice that: older writers were not alive.
                        () => RecentTerminals.ReadAsync(settings.Journal, settings.Terminals.PassivateAfter * 2)),
                    "terminal-waker"))
                .WithActors((system, _) => system.ActorOf(UndeliveredRequests.Props(settings.Terminals.Profile), "undelivered-requests"));
        });
    }

    private static CardEntitySettings CardSettings(SwitchSettings settings, ISmsSender sms) => new(
        new RiskEngine(settings.Risk),
        settings.Offers,
        settings.Challenge.Rules,
        new PhoneCipher(settings.Security.PhoneKey),
        new OneTimeCodes(settings.Security.OtpKey, settings.Challenge.Rules.CodeDigits),
        sms,
        settings.Challenge.SmsText,
        settings.Cards.PassivateAfter);

    private static TerminalEntitySettings TerminalSettings(SwitchSettings settings, AcquirerWiring acquirers, IActorRef cards, TerminalDirectory directory, FeePlanDirectory feePlans, TerminalKeyCipher keyCipher, ActorSystem system)
    {
        var terminals = settings.Terminals;
        var rrns = new RrnGenerator(settings.NodeId);
        if (IssuedRrns.Highest(settings.Journal, settings.NodeId, system.Scheduler.Now) is { } highest)
        {
            rrns.ResumeAfter(highest, system.Scheduler.Now);
            system.Log.Info("RRNs resume after {0}, the highest this node journaled", highest);
        }

        // One Props for every request's child: Props are immutable, and building them per request showed in profiles.
        var transactionProps = TransactionActor.Props(new TransactionSettings(terminals.Profile, acquirers.Router, TransactionGuardMargin, cards, settings.Risk.Bins, settings.Cards.AskTimeout, feePlans, settings.Routing.Costs));
        return new TerminalEntitySettings(
            directory,
            terminals.Profile,
            terminals.DuplicateWindow,
            terminals.PassivateAfter,
            new RequestValidator(terminals.MaxAmount),
            rrns,
            new PanToken(settings.Security.PanTokenKey),
            () => transactionProps,
            acquirers.ReversalQueue,
            ReversalWindow: terminals.ReversalWindow,
            ReversalMemoryLimit: terminals.ReversalMemory,
            DuplicateMemoryLimit: terminals.DuplicateMemory,
            KeyCipher: keyCipher,
            Mac: terminals.Mac);
    }

    /// <summary>With no seed nodes the node forms a cluster of its own (any listen port, even 0).</summary>
    private static void JoinSelfWithoutSeeds(ActorSystem system, ClusterSettings cluster)
    {
        if (cluster.SeedNodes.Count == 0)
        {
            var self = Akka.Cluster.Cluster.Get(system);
            self.Join(self.SelfAddress);
        }
    }

    private static string SeedAddress(EndPoint seed) => seed switch
    {
        IPEndPoint ip => $"akka.tcp://{SystemName}@{ip.Address}:{ip.Port}",
        DnsEndPoint dns => $"akka.tcp://{SystemName}@{dns.Host}:{dns.Port}",
        _ => throw new ArgumentException($"unsupported seed endpoint {seed}", nameof(seed)),
    };
}
