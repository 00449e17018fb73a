using System.Data.Common;
using System.Globalization;
using Switch.Actors.Terminals;
using Switch.Host.Configuration;

namespace Switch.Host.Persistence;

/// <summary>
/// The highest RRN this node journaled before it (re)started, read from the journal's tag table
/// (every transaction event is tagged <c>rrn:{RRN}</c>). A burst can put the RRN generator ahead of
/// its clock; resuming after this RRN keeps a restart inside that lead from issuing an RRN twice.
/// An RRN that was assigned but never journaled never left the switch, so reissuing it is harmless.
/// </summary>
public static class IssuedRrns
{
    /// <summary>No generator runs more than a year ahead of its clock (that would take billions of RRNs).</summary>
    private const int MaxDaysAhead = 366;

    public static string? Highest(JournalSettings journal, int nodeId, DateTimeOffset now)
    {
        using var connection = JournalConnections.Create(journal);
        connection.Open();
        try
        {
            // Days with this node's RRNs run without a gap from the clock's day to the day of its lead.
            string? highest = null;
            var today = now.UtcDateTime.Date;
            for (var day = today.AddDays(-1); day <= today.AddDays(MaxDaysAhead); day = day.AddDays(1))
            {
                var found = HighestOfDay(connection, day, nodeId);
                if (found is null && day > today)
                {
                    break;
                }

                highest = found ?? highest;
            }

            return highest;
        }
        catch (DbException error) when (JournalConnections.IsMissingTable(error))
        {
            return null;
        }
    }

    /// <summary>
    /// Compared as whole, equal-length digit strings (not by prefix or LIKE), so the query uses the
    /// tag index and orders the same under any collation.
    /// </summary>
    private static string? HighestOfDay(DbConnection connection, DateTime day, int nodeId)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{TerminalActor.RrnTagPrefix}{day.Year % 10}{day.DayOfYear:D3}{nodeId}");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(tag) FROM tags WHERE tag >= @low AND tag <= @high";
        AddParameter(command, "@low", prefix + "0000000");
        AddParameter(command, "@high", prefix + "9999999");
        return command.ExecuteScalar() is string tag ? tag[TerminalActor.RrnTagPrefix.Length..] : null;
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
