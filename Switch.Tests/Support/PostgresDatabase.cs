using Npgsql;

namespace Switch.Tests.Support;

/// <summary>
/// A database of its own on the test PostgreSQL server named by <c>SWITCH_TEST_POSTGRES</c>, created
/// empty for one fixture and dropped after it, so tests never see each other's journals.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "SWITCH_TEST_POSTGRES";

    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The server's connection string with this database in it.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database; fails, saying how to get a server, when none is configured.</summary>
    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, and the PostgreSQL journal tests need a PostgreSQL server. Run the tests with " +
                $"`bash .ci/run` (it starts the local PostgreSQL 15 and sets {Variable}), or start it yourself with " +
                $"`export {Variable}=$(bash .ci/postgres)` before `dotnet test`, or set {Variable} to an Npgsql " +
                "connection string of a role that may create databases.");
        }

        var database = new PostgresDatabase(server, $"switch_test_{Guid.NewGuid():N}");
        await database.OnServerAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>The tables of the database's public schema, by name.</summary>
    public Task<IReadOnlyList<string>> TablesAsync() =>
        ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");

    /// <summary>The first column of a query's rows, as text.</summary>
    public Task<IReadOnlyList<string>> ColumnAsync(string sql, params (string Name, object Value)[] parameters) =>
        OnDatabaseAsync<IReadOnlyList<string>>(sql, parameters, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return values;
        });

    public Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters) =>
        OnDatabaseAsync(sql, parameters, command => command.ExecuteNonQueryAsync());

    /// <summary>Drops the database, ending any connection a node's pool still holds on it.</summary>
    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await OnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task<T> OnDatabaseAsync<T>(string sql, (string Name, object Value)[] parameters, Func<NpgsqlCommand, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await run(command);
    }

    private async Task OnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
