using System.Security.Cryptography;
using System.Text;
using Switch.Actors.Cards.Challenges;

namespace Switch.Tests.Actors.Cards.Challenges;

public sealed class OneTimeCodesTests
{
    private const string Id = "ABCDEFGHIJKLMNOPQRSTUVWX";

    private static readonly byte[] Key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    private readonly OneTimeCodes _codes = new(Key);

    [Fact]
    public void A_code_s_hash_is_stable_across_versions()
    {
        // HMAC-SHA256(key 00..1f, "ABCDEFGHIJKLMNOPQRSTUVWX:012345"), computed outside .NET (Python hmac).
        Assert.Equal("40021435a77bfcb4de00a888c7176d42ac9df88413365140c8f6a80e6132677d", Convert.ToHexStringLower(_codes.Hash(Id, "012345")));
    }

    [Fact]
    public void A_code_is_digits_of_the_configured_length_leading_zeros_kept()
    {
        Assert.All(Enumerable.Range(0, 200).Select(_ => _codes.Generate()), code => Assert.Matches("^[0-9]{6}$", code));
        Assert.Matches("^[0-9]{4}$", new OneTimeCodes(Key, digits: 4).Generate());
        Assert.Matches("^[0-9]{9}$", new OneTimeCodes(Key, digits: 9).Generate());
        Assert.Contains(Enumerable.Range(0, 500).Select(_ => new OneTimeCodes(Key, digits: 4).Generate()), code => code[0] == '0');
    }

    [Fact]
    public void Codes_are_spread_evenly_over_every_digit_position()
    {
        const int Samples = 20_000;
        var codes = Enumerable.Range(0, Samples).Select(_ => _codes.Generate()).ToList();

        // Each digit value is expected 2000 times per position; 1750..2250 is about six standard deviations.
        for (var position = 0; position < 6; position++)
        {
            var counts = codes.GroupBy(code => code[position]).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(10, counts.Count);
            Assert.All(counts.Values, count => Assert.InRange(count, 1750, 2250));
        }
    }

    [Fact]
    public void The_right_code_verifies_and_anything_else_is_simply_wrong()
    {
        var code = _codes.Generate();
        var hash = _codes.Hash(Id, code);
        var other = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(_codes.Verify(hash, Id, code));
        Assert.False(_codes.Verify(hash, Id, other));
        Assert.False(_codes.Verify(hash, Id, code.AsSpan(0, 5)));
        Assert.False(_codes.Verify(hash, Id, code + "0"));
        Assert.False(_codes.Verify(hash, Id, ""));
        Assert.False(_codes.Verify(hash, Id, "12a456"));
        Assert.False(_codes.Verify(hash, Id, "١٢٣٤٥٦"));
        Assert.False(_codes.Verify(hash, Id, " 12345"));
    }

    [Fact]
    public void A_hash_is_bound_to_its_challenge_and_its_key()
    {
        var hash = _codes.Hash(Id, "482913");

        Assert.False(_codes.Verify(hash, "ABCDEFGHIJKLMNOPQRSTUVWY", "482913"));
        Assert.False(new OneTimeCodes([.. Key.Select(b => (byte)(b ^ 1))]).Verify(hash, Id, "482913"));
        Assert.False(_codes.Verify(hash.AsSpan(0, 31), Id, "482913"));
        Assert.False(_codes.Verify([], Id, "482913"));
        Assert.Equal(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(Id + ":482913")), hash);
    }

    [Fact]
    public void A_short_key_wrong_digits_or_a_bad_code_to_hash_are_the_caller_s_mistakes()
    {
        Assert.Throws<ArgumentException>(() => new OneTimeCodes(new byte[31]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneTimeCodes(Key, digits: 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OneTimeCodes(Key, digits: 10));
        var error = Assert.Throws<ArgumentException>(() => _codes.Hash(Id, "48291"));
        Assert.DoesNotContain("48291", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _codes.Hash("", "482913"));
    }
}
