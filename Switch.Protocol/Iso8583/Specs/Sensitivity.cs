namespace Switch.Protocol.Iso8583.Specs;

/// <summary>How a field appears in a message's debug (log) form.</summary>
public enum Sensitivity
{
    /// <summary>Shown as is.</summary>
    None,
    /// <summary>A primary account number: first 6 and last 4 digits shown.</summary>
    Pan,
    /// <summary>Never shown, not even its length (track data, PIN block, MAC).</summary>
    Secret,
    /// <summary>Field 62 challenge TLV: tags shown, the one-time code hidden, the phone masked.</summary>
    ChallengeTlv,
}
