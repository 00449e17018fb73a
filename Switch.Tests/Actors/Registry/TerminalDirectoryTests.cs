using Switch.Actors.Registry;
using Switch.Actors.Terminals;

namespace Switch.Tests.Actors.Registry;

public sealed class TerminalDirectoryTests
{
    private static readonly Merchant Shop = new("M1", "Shop", "5411", "CN", ChallengePolicy.Risk);
    private static readonly Merchant Fuel = new("M2", "Fuel", "5542", "CN", ChallengePolicy.Always, "flat");

    [Fact]
    public void A_new_directory_is_unpublished_and_knows_no_terminal()
    {
        var directory = new TerminalDirectory();

        Assert.False(directory.Published.IsCompleted);
        Assert.False(directory.TryFind("T1", out _));
        Assert.False(directory.TryFindMerchant("M1", out _));
    }

    [Fact]
    public void A_directory_built_from_a_registry_is_published_and_finds_terminals_and_merchants()
    {
        var directory = new TerminalDirectory([Shop, Fuel], [new("T1", "M1"), new("T2", "M2")]);

        Assert.True(directory.Published.IsCompletedSuccessfully);
        Assert.True(directory.TryFind("T2", out var merchant));
        Assert.Equal(Fuel, merchant);
        Assert.True(directory.TryFindMerchant("M1", out var byMid));
        Assert.Equal(Shop, byMid);
        Assert.False(directory.TryFind("t1", out _));
    }

    [Fact]
    public void A_publication_replaces_the_whole_registry()
    {
        var directory = new TerminalDirectory([Shop, Fuel], [new("T1", "M1"), new("T2", "M2")]);
        var renamed = Shop with { Name = "Shop & Co", Mcc = "5499" };

        directory.Publish([renamed, Fuel], [new("T1", "M2"), new("T3", "M1")]);

        Assert.True(directory.TryFind("T1", out var moved));
        Assert.Equal(Fuel, moved);
        Assert.True(directory.TryFind("T3", out var underRenamed));
        Assert.Equal(renamed, underRenamed);
        Assert.False(directory.TryFind("T2", out _));
    }

    [Fact]
    public void A_terminal_naming_an_unknown_merchant_is_refused_and_nothing_changes()
    {
        var directory = new TerminalDirectory([Shop], [new("T1", "M1")]);

        var refused = Assert.Throws<ArgumentException>(() => directory.Publish([Fuel], [new("T1", "M1")]));

        Assert.Contains("unknown merchant M1", refused.Message, StringComparison.Ordinal);
        Assert.True(directory.TryFind("T1", out var merchant));
        Assert.Equal(Shop, merchant);
        Assert.False(directory.TryFindMerchant("M2", out _));
    }

    [Fact]
    public void A_mid_given_twice_is_refused()
    {
        var directory = new TerminalDirectory();

        Assert.Throws<ArgumentException>(() => directory.Publish([Shop, Shop with { Name = "Other" }], []));
        Assert.False(directory.Published.IsCompleted);
    }

    [Fact]
    public async Task Readers_on_other_threads_always_see_a_whole_registry_while_it_is_republished()
    {
        // Every generation registers every terminal, under that generation's merchant: a reader that
        // ever misses one saw a registry half replaced.
        const int generations = 2_000;
        var tids = Enumerable.Range(1, 50).Select(n => $"T{n}").ToArray();
        var directory = new TerminalDirectory([Generation(0)], tids.Select(t => new TerminalRegistration(t, "G0")));
        using var done = new CancellationTokenSource();
        using var reading = new CountdownEvent(2);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var reads = 0;
                reading.Signal();
                do
                {
                    foreach (var tid in tids)
                    {
                        Assert.True(directory.TryFind(tid, out var merchant));
                        Assert.StartsWith("G", merchant.Mid, StringComparison.Ordinal);
                        reads++;
                    }
                }
                while (!done.IsCancellationRequested);

                return reads;
            },
            TaskCreationOptions.LongRunning)).ToArray();

        Assert.True(reading.Wait(TimeSpan.FromSeconds(10)));
        for (var g = 1; g <= generations; g++)
        {
            directory.Publish([Generation(g)], tids.Select(t => new TerminalRegistration(t, $"G{g}")));
        }

        await done.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
        Assert.True(directory.TryFind("T7", out var last));
        Assert.Equal($"G{generations}", last.Mid);
    }

    private static Merchant Generation(int g) => new($"G{g}", $"Generation {g}", "5411", "CN", ChallengePolicy.Risk);

    [Fact]
    public void An_older_journal_version_never_replaces_a_newer_one_and_only_an_advance_is_told()
    {
        var directory = new TerminalDirectory();
        var told = new List<long>();
        directory.Advanced = told.Add;

        directory.Publish([Shop], [new("T1", "M1")], version: 5);
        // A replica that read the journal before version 5 was written publishes late.
        directory.Publish([Shop], [], version: 4);
        directory.Publish([Shop, Fuel], [new("T1", "M1"), new("T2", "M2")], version: 5);

        Assert.Equal(5, directory.Version);
        Assert.True(directory.TryFind("T1", out _));
        Assert.True(directory.TryFind("T2", out _));
        Assert.Equal([5L], told);
    }
}
