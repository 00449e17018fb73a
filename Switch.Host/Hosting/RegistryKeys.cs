namespace Switch.Host.Hosting;

/// <summary>Akka.Hosting registry key of the terminal shard region.</summary>
public sealed class TerminalRegion;

/// <summary>Akka.Hosting registry key of the node's acquirer router.</summary>
public sealed class AcquirerRouter;

/// <summary>Akka.Hosting registry key of the card shard region.</summary>
public sealed class CardRegion;

/// <summary>Akka.Hosting registry key of the proxy to the merchant and terminal registry, a cluster singleton.</summary>
public sealed class MerchantRegistry;

/// <summary>Akka.Hosting registry key of the proxy to the fee-plan registry, a cluster singleton.</summary>
public sealed class FeePlanRegistry;
