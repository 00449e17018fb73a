using System.Security.Cryptography;
using Switch.Protocol.Security;

namespace Switch.Tests.Protocol.Security;

/// <summary>AES-CMAC against RFC 4493's test vectors and, past its chunk size, a plain block-by-block CMAC.</summary>
public sealed class AesCmacTests
{
    private const string Key = "2b7e151628aed2a6abf7158809cf4f3c";

    private const string Plaintext =
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    [Theory]
    [InlineData(0, "bb1d6929e95937287fa37d129b756746")]
    [InlineData(16, "070a16b46b4d4144f79bdd9dd04a287c")]
    [InlineData(40, "dfa66747de9ae63030ca32611497c827")]
    [InlineData(64, "51f0bebf7e3b9d92fc49741779363cfe")]
    public void Rfc_4493_test_vectors(int length, string expected)
    {
        using var cmac = new AesCmac(Convert.FromHexString(Key));
        var mac = new byte[16];

        cmac.Compute(Convert.FromHexString(Plaintext).AsSpan(0, length), mac);

        Assert.Equal(expected, Convert.ToHexStringLower(mac));
    }

    [Theory]
    [InlineData(511)]
    [InlineData(512)]
    [InlineData(513)]
    [InlineData(1040)]
    [InlineData(4093)]
    public void Messages_longer_than_a_chunk_match_a_block_by_block_cmac(int length)
    {
        var key = Convert.FromHexString(Key);
        var message = new byte[length];
        new Random(length).NextBytes(message);
        using var cmac = new AesCmac(key);
        var mac = new byte[16];

        cmac.Compute(message, mac);

        Assert.Equal(Convert.ToHexString(BlockByBlock(key, message)), Convert.ToHexString(mac));
    }

    [Fact]
    public void A_key_that_is_not_an_aes_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AesCmac(new byte[15]));
    }

    /// <summary>SP 800-38B written out plainly, one AES call per block: the reference for long messages.</summary>
    private static byte[] BlockByBlock(byte[] key, byte[] message)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var l = aes.EncryptEcb(new byte[16], PaddingMode.None);
        var k1 = Double(l);
        var k2 = Double(k1);
        var n = Math.Max(1, (message.Length + 15) / 16);
        var complete = message.Length > 0 && message.Length % 16 == 0;
        var x = new byte[16];
        for (var i = 0; i < n; i++)
        {
            var block = new byte[16];
            var part = message.AsSpan(i * 16, Math.Min(16, message.Length - (i * 16)));
            part.CopyTo(block);
            if (i == n - 1)
            {
                if (!complete)
                {
                    block[part.Length] = 0x80;
                }

                var mask = complete ? k1 : k2;
                for (var j = 0; j < 16; j++)
                {
                    block[j] ^= mask[j];
                }
            }

            for (var j = 0; j < 16; j++)
            {
                block[j] ^= x[j];
            }

            x = aes.EncryptEcb(block, PaddingMode.None);
        }

        return x;
    }

    private static byte[] Double(byte[] block)
    {
        var result = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            result[i] = (byte)((block[i] << 1) | (i < 15 ? block[i + 1] >> 7 : 0));
        }

        if ((block[0] & 0x80) != 0)
        {
            result[15] ^= 0x87;
        }

        return result;
    }
}
