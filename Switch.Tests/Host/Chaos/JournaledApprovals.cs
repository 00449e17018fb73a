using Microsoft.Data.Sqlite;
using Switch.Actors.Events;

namespace Switch.Tests.Host.Chaos;

/// <summary>The RRNs a node's SQLite journal holds an approved outcome (TransactionCompleted, 39 = 00) for: what the switch made durable.</summary>
internal static class JournaledApprovals
{
    public static IReadOnlySet<string> Read(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM journal WHERE manifest = $manifest AND deleted = 0";
        command.Parameters.AddWithValue("$manifest", TransactionCompleted.Descriptor.FullName);
        using var reader = command.ExecuteReader();
        var rrns = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var completed = TransactionCompleted.Parser.ParseFrom((byte[])reader[0]);
            if (completed.ResponseCode == "00")
            {
                rrns.Add(completed.Rrn);
            }
        }

        return rrns;
    }
}
