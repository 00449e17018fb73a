using System.Text;
using Switch.Protocol.Webhooks;

namespace Switch.Tests.Traffic.Sms;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_a_known_hmac_sha256_in_lowercase_hex()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", WebhookSignature.Sign("Jefe", "what do ya want for nothing?"u8));
    }

    [Fact]
    public void Verification_accepts_the_signature_in_either_case_and_nothing_else()
    {
        var body = Encoding.UTF8.GetBytes("""{"to":"1","text":"2","challengeId":"3"}""");
        var signature = WebhookSignature.Sign("k", body);

        Assert.True(WebhookSignature.Verify("k", body, signature));
        Assert.True(WebhookSignature.Verify("k", body, signature.ToUpperInvariant()));
        Assert.False(WebhookSignature.Verify("other", body, signature));
        Assert.False(WebhookSignature.Verify("k", [.. body, (byte)' '], signature));
        Assert.False(WebhookSignature.Verify("k", body, null));
        Assert.False(WebhookSignature.Verify("k", body, signature[7..]));
        Assert.False(WebhookSignature.Verify("k", body, "sha1=" + signature[7..]));
        Assert.False(WebhookSignature.Verify("k", body, signature[..^2] + "zz"));
    }
}
