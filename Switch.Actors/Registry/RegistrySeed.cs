namespace Switch.Actors.Registry;

/// <summary>The registry as configuration gives it (<c>switch.registry</c>); the journaled changes apply over it.</summary>
/// <param name="Merchants">Merchants, each MID once.</param>
/// <param name="Terminals">Terminals, each TID once, each naming one of <paramref name="Merchants"/>.</param>
public sealed record RegistrySeed(IReadOnlyList<Merchant> Merchants, IReadOnlyList<TerminalRegistration> Terminals);
