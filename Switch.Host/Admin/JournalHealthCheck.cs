using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switch.Host.Configuration;
using Switch.Host.Persistence;

namespace Switch.Host.Admin;

/// <summary>Ready only while the journal's database answers: a node that cannot journal cannot authorize.</summary>
public sealed class JournalHealthCheck : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    private readonly JournalSettings _journal;

    public JournalHealthCheck(JournalSettings journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _journal = journal;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await using var connection = JournalConnections.Create(_journal);
            await connection.OpenAsync(timeout.Token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"the {_journal.Provider} journal does not answer: {ex.Message}");
        }
    }
}
