using System.Globalization;
using Microsoft.Data.Sqlite;
using Switch.Tests.Support;
using Switch.Traffic.Acquirer;

namespace Switch.Tests.Host;

/// <summary>A node restarted while its RRNs ran ahead of the clock continues after the last one it journaled.</summary>
public sealed class RrnResumeTests : IAsyncLifetime
{
    // Disposed by DisposeAsync (IAsyncLifetime), which the analyzer does not know of.
    private AcquirerAndJournal World { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await World.DisposeAsync();

    [Fact]
    public async Task After_a_restart_rrns_continue_after_the_highest_journaled_even_ahead_of_the_clock()
    {
        await using (var node = await TestNode.StartAsync(World.Config))
        {
            await node.WaitForRouteAsync(AcquirerAndJournal.Acquirer);
            await PurchaseAsync(node, stan: 1);
        }

        // As if a burst had run the generator a day ahead before the restart.
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var ahead = string.Create(CultureInfo.InvariantCulture, $"{tomorrow.Year % 10}{tomorrow.DayOfYear:D3}00000500");
        PlantTag("rrn:" + ahead);

        await using (var restarted = await TestNode.StartAsync(World.Config))
        {
            await restarted.WaitForRouteAsync(AcquirerAndJournal.Acquirer);
            var rrn = await PurchaseAsync(restarted, stan: 2);

            Assert.Equal(long.Parse(ahead, CultureInfo.InvariantCulture) + 1, long.Parse(rrn, CultureInfo.InvariantCulture));
        }
    }

    private static async Task<string> PurchaseAsync(TestNode node, int stan)
    {
        await using var terminal = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await terminal.SendRawAsync(TerminalMessages.SignOn(NodeConfig.Tid(1), stan: 100 + stan));
        Assert.Equal("00", (await terminal.ReceiveMessageAsync())[39]);
        await terminal.SendRawAsync(TerminalMessages.Purchase(NodeConfig.Tid(1), stan, amount: 1000));
        var reply = await terminal.ReceiveMessageAsync();
        Assert.Equal("00", reply[39]);
        return reply[37];
    }

    private void PlantTag(string tag)
    {
        using var connection = new SqliteConnection($"Data Source={World.Config.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO tags (ordering_id, tag, sequence_nr, persistence_id) VALUES ((SELECT MAX(ordering_id) + 1 FROM tags), $tag, 1, 'terminal-T0000001')";
        command.Parameters.AddWithValue("$tag", tag);
        command.ExecuteNonQuery();
    }
}
