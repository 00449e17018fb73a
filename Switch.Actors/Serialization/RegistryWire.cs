using Google.Protobuf;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;
using static Switch.Actors.Serialization.WireValues;
using Wire = Switch.Actors.Serialization.Wire;

namespace Switch.Actors.Serialization;

/// <summary>The admin API's changes to the registry singleton and its answers, to and from their wire form.</summary>
internal static class RegistryWire
{
    public static Wire.RegisterMerchant ToWire(RegisterMerchant register) => new() { Merchant = WireValues.ToWire(register.Merchant) };

    public static RegisterMerchant FromWire(Wire.RegisterMerchant register) => new(WireValues.FromWire(Required(register.Merchant, "merchant")));

    public static Wire.MerchantStored ToWire(MerchantStored stored) => new() { Merchant = WireValues.ToWire(stored.Merchant), Created = stored.Created };

    public static MerchantStored FromWire(Wire.MerchantStored stored) => new(WireValues.FromWire(Required(stored.Merchant, "merchant")), stored.Created);

    public static Wire.RegisterTerminal ToWire(RegisterTerminal register) => new() { Terminal = ToWire(register.Terminal), KeepKey = register.KeepKey };

    public static RegisterTerminal FromWire(Wire.RegisterTerminal register) => new(FromWire(Required(register.Terminal, "terminal")), register.KeepKey);

    public static Wire.TerminalStored ToWire(TerminalStored stored) => new() { Terminal = ToWire(stored.Terminal), Created = stored.Created };

    public static TerminalStored FromWire(Wire.TerminalStored stored) => new(FromWire(Required(stored.Terminal, "terminal")), stored.Created);

    public static Wire.RegistrationRefused ToWire(RegistrationRefused refused) => new() { Error = refused.Error };

    public static RegistrationRefused FromWire(Wire.RegistrationRefused refused) => new(refused.Error);

    private static Wire.TerminalRegistration ToWire(TerminalRegistration terminal)
    {
        var wire = new Wire.TerminalRegistration { Tid = terminal.Tid, Mid = terminal.Mid };
        if (terminal.Key is { } key)
        {
            wire.SealedMasterKey = ByteString.CopyFrom(key.Sealed);
            wire.KeyCheckValue = key.CheckValue;
        }

        return wire;
    }

    private static TerminalRegistration FromWire(Wire.TerminalRegistration terminal) => new(
        terminal.Tid,
        terminal.Mid,
        terminal.SealedMasterKey.IsEmpty ? null : new SealedTerminalKey(terminal.SealedMasterKey.ToByteArray(), terminal.KeyCheckValue));
}
