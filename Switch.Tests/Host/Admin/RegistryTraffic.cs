using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Admin;

/// <summary>What the registry tests do to a node: PUT JSON, run a purchase from a terminal under a given merchant, read what was journaled.</summary>
internal static class RegistryTraffic
{
    public static Task<HttpResponseMessage> PutAsync(this HttpClient admin, string path, string json) =>
        admin.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<string> ErrorAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    /// <summary>Signs the terminal on (a new connection) and returns the connection.</summary>
    public static async Task<FramedClient> SignedOnAsync(TestNode node, string tid)
    {
        var client = await FramedClient.ConnectAsync(node.TerminalEndPoint);
        await client.SendRawAsync(TerminalMessages.SignOn(tid, stan: 1));
        Assert.Equal("00", (await client.ReceiveMessageAsync())[39]);
        return client;
    }

    /// <summary>An 0200 as <see cref="TerminalMessages.Purchase"/> builds it, but naming <paramref name="mid"/> in field 42, as a terminal of that merchant does.</summary>
    public static async Task<ReceivedMessage> PurchaseAsync(FramedClient client, string tid, string mid, int stan, long amount = 1000)
    {
        await client.SendRawAsync(FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.Write(2, TerminalMessages.Pan);
            w.WriteNumber(3, 0);
            w.WriteNumber(4, amount);
            w.WriteNumber(7, TerminalMessages.TransmissionTime);
            w.WriteNumber(11, stan);
            w.Write(14, "3012");
            w.Write(41, tid);
            w.Write(42, mid);
            w.Write(49, "156"u8);
        }));
        return await client.ReceiveMessageAsync();
    }

    /// <summary>The merchant (MID and MCC) a transaction was journaled under, from its history.</summary>
    public static async Task<(string Mid, string Mcc)> JournaledMerchantAsync(TestNode node, string rrn)
    {
        using var history = JsonDocument.Parse(await node.Admin.GetStringAsync(new Uri($"/api/transactions/{rrn}", UriKind.Relative)));
        var started = history.RootElement.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "switch.events.v1.TransactionStarted")
            .GetProperty("event");
        return (started.GetProperty("mid").GetString()!, started.GetProperty("mcc").GetString()!);
    }
}
