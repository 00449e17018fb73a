using System.Data.Common;
using Switch.Actors.Terminals;
using Switch.Host.Configuration;

namespace Switch.Host.Persistence;

/// <summary>
/// The terminals whose entities wrote to the journal within a window before its latest write: those
/// that may have been alive, with something in flight, when a node stopped. Read newest first in
/// pages along the primary key, so only the window's rows are read however long the journal is.
/// </summary>
public static class RecentTerminals
{
    private const int Page = 5_000;

    public static async Task<IReadOnlyList<string>> ReadAsync(JournalSettings journal, TimeSpan window, CancellationToken cancellation = default)
    {
        await using var connection = JournalConnections.Create(journal);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);
        var tids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            long? since = null;
            var before = long.MaxValue;
            while (true)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT ordering, persistence_id, created FROM journal WHERE ordering < @before ORDER BY ordering DESC LIMIT {Page}";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@before";
                parameter.Value = before;
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
                var rows = 0;
                while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
                {
                    rows++;
                    before = reader.GetInt64(0);
                    var created = reader.GetInt64(2);
                    since ??= created - window.Ticks;
                    if (created < since)
                    {
                        return [.. tids];
                    }

                    var id = reader.GetString(1);
                    if (id.StartsWith(TerminalActor.PersistenceIdPrefix, StringComparison.Ordinal))
                    {
                        tids.Add(id[TerminalActor.PersistenceIdPrefix.Length..]);
                    }
                }

                if (rows < Page)
                {
                    return [.. tids];
                }
            }
        }
        catch (DbException error) when (JournalConnections.IsMissingTable(error))
        {
            return [];
        }
    }
}
