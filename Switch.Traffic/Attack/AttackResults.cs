using System.Globalization;

namespace Switch.Traffic.Attack;

/// <summary>What an attack managed: connections made, how many the switch closed, bytes pushed at it.</summary>
public sealed record AttackResults(AttackKind Kind, long Connected, long ClosedBySwitch, long ConnectFailures, long BytesSent, long FramesSent)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Kind.Name()}: {Connected:N0} connections, {ClosedBySwitch:N0} closed by the switch, {ConnectFailures:N0} connects failed, {FramesSent:N0} frames / {BytesSent:N0} bytes sent");
}
