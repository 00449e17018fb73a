namespace Switch.Actors.Risk;

/// <summary>
/// A terminal's uses before the request being decided: a value, so the terminal entity can hand it
/// to whoever decides risk without sharing its <see cref="TerminalActivity"/>.
/// </summary>
public readonly record struct TerminalVelocity(ActivityTotals LastMinute, ActivityTotals LastHour);
