using Switch.Actors.Serialization;

namespace Switch.Actors.Registry;

/// <summary>
/// Creates or replaces a merchant, whole. Answered <see cref="MerchantStored"/> once the change is
/// durable and published, or <see cref="RegistrationRefused"/>.
/// </summary>
public sealed record RegisterMerchant(Merchant Merchant) : IClusterMessage;

/// <summary>The merchant is journaled and every terminal of it sees it from its next request.</summary>
/// <param name="Created">True when no merchant had this MID before.</param>
public sealed record MerchantStored(Merchant Merchant, bool Created) : IClusterMessage;

/// <summary>
/// Registers a terminal to a known merchant, or moves it to another. Answered
/// <see cref="TerminalStored"/> once the change is durable and published, or
/// <see cref="RegistrationRefused"/> (the merchant is unknown, say).
/// </summary>
/// <param name="KeepKey">
/// True: the terminal keeps the master key it has (the change names none), so moving a keyed
/// terminal never silently drops its MAC requirement. False: <see cref="TerminalRegistration.Key"/> is its key, or none.
/// </param>
public sealed record RegisterTerminal(TerminalRegistration Terminal, bool KeepKey = false) : IClusterMessage;

/// <summary>The terminal is journaled and is served under its merchant from its next request.</summary>
/// <param name="Created">True when the terminal was not registered before.</param>
public sealed record TerminalStored(TerminalRegistration Terminal, bool Created) : IClusterMessage;

/// <summary>Nothing changed: <paramref name="Error"/> names the field at fault, e.g. <c>mid: no merchant 'M1' is registered</c>.</summary>
public sealed record RegistrationRefused(string Error) : IClusterMessage;
