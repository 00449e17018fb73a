using Google.Protobuf;
using Switch.Actors.Events;
using Switch.Actors.Terminals.Keys;

namespace Switch.Actors.Registry;

/// <summary>Between the registry's records and its journaled events.</summary>
internal static class RegistryEvents
{
    public static MerchantRegistered Registered(Merchant merchant, long atUnixMs) => new()
    {
        Mid = merchant.Mid,
        Name = merchant.Name,
        Mcc = merchant.Mcc,
        Country = merchant.Country,
        Challenge = merchant.Challenge switch
        {
            ChallengePolicy.Always => MerchantChallenge.Always,
            ChallengePolicy.Never => MerchantChallenge.Never,
            _ => MerchantChallenge.Risk,
        },
        FeePlan = merchant.FeePlan ?? string.Empty,
        AtUnixMs = atUnixMs,
    };

    public static TerminalRegistered Registered(TerminalRegistration terminal, long atUnixMs) => new()
    {
        Tid = terminal.Tid,
        Mid = terminal.Mid,
        AtUnixMs = atUnixMs,
        SealedMasterKey = terminal.Key is null ? ByteString.Empty : ByteString.CopyFrom(terminal.Key.Sealed),
        KeyCheckValue = terminal.Key?.CheckValue ?? string.Empty,
    };

    public static Merchant Merchant(MerchantRegistered registered) => new(
        registered.Mid,
        registered.Name,
        registered.Mcc,
        registered.Country,
        registered.Challenge switch
        {
            MerchantChallenge.Always => ChallengePolicy.Always,
            MerchantChallenge.Never => ChallengePolicy.Never,
            // Unspecified too: risk is the default policy.
            _ => ChallengePolicy.Risk,
        },
        registered.FeePlan.Length == 0 ? null : registered.FeePlan);

    public static TerminalRegistration Terminal(TerminalRegistered registered) => new(
        registered.Tid,
        registered.Mid,
        registered.SealedMasterKey.IsEmpty ? null : new SealedTerminalKey(registered.SealedMasterKey.ToByteArray(), registered.KeyCheckValue));
}
