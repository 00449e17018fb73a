using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Switch.Tests.Support;

/// <summary>
/// A node's HOCON overlay for tests: every port 0 on loopback, a cluster of one, its own SQLite
/// file (or a PostgreSQL database), a registry of test terminals, and the given acquirers.
/// </summary>
internal sealed class NodeConfig
{
    public const string Mid = TerminalMessages.Mid;
    /// <summary>The admin token: like every secret here, not the shipped one and long enough for `run`.</summary>
    public const string Token = "test-admin-token-of-the-test-nodes";

    /// <summary>Signs the SMS webhook's requests when <see cref="SmsWebhook"/> is set.</summary>
    public const string SmsSecret = "test-sms-secret-of-the-test-nodes";

    public NodeConfig(string databasePath)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }

    public List<(string Name, EndPoint Endpoint)> Acquirers { get; } = [];

    public TimeSpan LinkTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The test merchant's challenge policy: always, risk or never.</summary>
    public string Challenge { get; init; } = "risk";

    /// <summary>The test merchant's fee plan (switch.fee-plans); none when null.</summary>
    public string? FeePlan { get; init; }

    /// <summary>Where one-time codes are texted (an SMS sink); none when null.</summary>
    public Uri? SmsWebhook { get; init; }

    /// <summary>
    /// The journal's PostgreSQL database (a <see cref="PostgresDatabase"/>'s connection string); the
    /// SQLite file at <see cref="DatabasePath"/> when null. The overlay stays in that file's folder.
    /// </summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>switch.node-id: each node of a cluster needs its own (RRNs carry it).</summary>
    public int NodeId { get; init; }

    /// <summary>The cluster port (0: any free one); a seed's must be known to the nodes joining it.</summary>
    public int ClusterPort { get; init; }

    /// <summary>The seed nodes' cluster ports on loopback; none makes the node a cluster of its own.</summary>
    public IReadOnlyList<int> SeedPorts { get; init; } = [];

    /// <summary>More HOCON appended to the overlay, e.g. an operator's akka.* setting.</summary>
    public string Extra { get; init; } = string.Empty;

    /// <summary>Registered terminals: T0000001 to T0000099 (T0000999 is left unregistered).</summary>
    public static string Tid(int n) => $"T{n:D7}";

    public static NodeConfig WithNewDatabase() =>
        new(Path.Combine(Path.GetTempPath(), $"switch-node-{Guid.NewGuid():N}", "switch.db"));

    public string Hocon()
    {
        var acquirers = new StringBuilder();
        foreach (var (name, endpoint) in Acquirers)
        {
            acquirers.Append(CultureInfo.InvariantCulture, $$"""
                { name = {{name}}, endpoint = "{{endpoint}}", profile = iso87-ascii, length-header = binary2,
                  timeout = {{(long)LinkTimeout.TotalMilliseconds}}ms, echo-interval = 30s, reconnect-min = 100ms, reconnect-max = 1s }

                """);
        }

        var terminals = string.Join(",\n", Enumerable.Range(1, 99).Select(n => $"    {{ tid = \"{Tid(n)}\", mid = \"{Mid}\" }}"));
        return $$"""
            switch {
              security {
                pan-token-key = "yo1qRTKEPw9/PIScfmIjK8HaKgfU6ZKmsjTHZCETBt0="
                phone-key = "GdvYdLKh1ztzH7EYqoxs3mVje5yK1Ym+1lsrb+zxTdE="
                otp-key = "205nspZVMTvMKq1yZOzRXExAmVlqBLZ9NnAE9VldhUk="
                terminal-key-encryption-key = "q0b3WJ0mD5f0lq8Jk3Hc9YyD4TzH0n4u2vJ8mGk1sQ8="
              }
              terminals { listen = "127.0.0.1:0" }
              acquirers = [
            {{acquirers}}  ]
              reversals { retry-min = 100ms, retry-max = 1s }
              journal { {{Journal()}} }
              admin { listen = "127.0.0.1:0", token = "{{Token}}" }
              node-id = {{NodeId}}
              cluster { listen = "127.0.0.1:{{ClusterPort}}", seed-nodes = [{{string.Join(", ", SeedPorts.Select(p => $"\"127.0.0.1:{p}\""))}}] }
              sms { webhook-url = "{{SmsWebhook}}", secret = "{{SmsSecret}}" }
              registry {
                merchants = [ { mid = "{{Mid}}", name = "Test Shop", mcc = "5411", country = "CN", challenge = {{Challenge}}{{(FeePlan is null ? "" : $", fee-plan = {FeePlan}")}} } ]
                terminals = [
            {{terminals}}
                ]
              }
            }
            {{Extra}}
            """;
    }

    // Triple quotes: HOCON takes the text as it is, so a password with quotes or backslashes needs no escaping.
    private string Journal() => PostgresConnectionString is null
        ? $"provider = sqlite, connection-string = \"Data Source={DatabasePath}\""
        : $"provider = postgresql, connection-string = \"\"\"{PostgresConnectionString}\"\"\"";

    private string Directory => Path.GetDirectoryName(DatabasePath)!;

    /// <summary>Writes the overlay next to the database and returns its path.</summary>
    public string WriteOverlay()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, "node.conf");
        File.WriteAllText(path, Hocon());
        return path;
    }

    /// <summary>Removes the node's folder: the database with its WAL files, and the overlay.</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
