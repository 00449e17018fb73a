using Switch.Protocol.Iso8583.Specs;

namespace Switch.Traffic.Scenarios;

/// <summary>What every request of a terminal's flows carries alike: its dialect, its merchant (field 42) and the cards' expiry (field 14).</summary>
internal sealed record FlowTerminal(IsoProfile Profile, string Mid, string Expiry);
