using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Switch.Actors.Registry;
using Switch.Actors.Terminals.Keys;
using Switch.Host.Admin;

namespace Switch.Tests.Host.Admin;

/// <summary>A PUT's answer for each answer of the registry, a probe playing the registry.</summary>
public sealed class RegistryEndpointsTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Body = """{"name": "Shop", "mcc": "5411", "country": "CN"}""";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_registry_that_does_not_answer_in_time_makes_it_a_503()
    {
        var registry = CreateTestProbe();
        using var body = Stream(Body);

        var result = await RegistryEndpoints.PutMerchantAsync("M1", body, registry.Ref, TimeSpan.FromMilliseconds(100), CancellationToken.None);

        registry.ExpectMsg<RegisterMerchant>();
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    [Fact]
    public async Task A_refusal_is_a_400_with_the_registry_s_error()
    {
        var registry = CreateTestProbe();
        using var body = Stream("""{"mid": "M2"}""");

        var put = RegistryEndpoints.PutTerminalAsync("T1", body, registry.Ref, new TerminalKeyCipher(new byte[32]), Patience, CancellationToken.None);
        registry.ExpectMsg(new RegisterTerminal(new("T1", "M2"), KeepKey: true));
        registry.Reply(new RegistrationRefused("mid: no merchant 'M2' is registered"));

        var result = await put;
        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        Assert.Contains("no merchant 'M2'", Assert.IsAssignableFrom<IValueHttpResult>(result).Value!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_merchant_is_201_at_its_location_and_a_replaced_one_200()
    {
        var registry = CreateTestProbe();
        var merchant = new Merchant("M-1/2", "Shop", "5411", "CN", ChallengePolicy.Risk);

        using var first = Stream(Body);
        var create = RegistryEndpoints.PutMerchantAsync(merchant.Mid, first, registry.Ref, Patience, CancellationToken.None);
        registry.ExpectMsg(new RegisterMerchant(merchant));
        registry.Reply(new MerchantStored(merchant, Created: true));
        using var second = Stream(Body);
        var replace = RegistryEndpoints.PutMerchantAsync(merchant.Mid, second, registry.Ref, Patience, CancellationToken.None);
        registry.ExpectMsg(new RegisterMerchant(merchant));
        registry.Reply(new MerchantStored(merchant, Created: false));

        var created = Assert.IsType<Created<MerchantResource>>(await create);
        Assert.Equal("/api/merchants/M-1%2F2", created.Location);
        Assert.Equal(MerchantResource.From(merchant), created.Value);
        Assert.Equal(MerchantResource.From(merchant), Assert.IsType<Ok<MerchantResource>>(await replace).Value);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
