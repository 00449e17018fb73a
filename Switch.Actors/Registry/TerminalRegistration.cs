namespace Switch.Actors.Registry;

/// <summary>A terminal (field 41, up to 8 characters) and the merchant it belongs to.</summary>
public sealed record TerminalRegistration(string Tid, string Mid);
