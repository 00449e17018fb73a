using System.Security.Cryptography;

namespace Switch.Protocol.Security;

/// <summary>
/// AES-CMAC (NIST SP 800-38B, RFC 4493) under one key. The chaining runs through the BCL's AES in
/// CBC mode over the message's whole blocks, a stack chunk at a time, so a message costs a few native
/// calls rather than one per block, and nothing is allocated. Not thread-safe (it holds an
/// <see cref="Aes"/>): one owner at a time, as a terminal entity is.
/// </summary>
public sealed class AesCmac : IDisposable
{
    public const int BlockSize = 16;

    // Whole blocks chained per native call; also the stack buffer's size.
    private const int ChunkBytes = 32 * BlockSize;

    private readonly Aes _aes;
    private readonly byte[] _k1 = new byte[BlockSize];
    private readonly byte[] _k2 = new byte[BlockSize];

    /// <param name="key">16, 24 or 32 bytes (AES-128, -192, -256). Copied; the caller may clear its own.</param>
    public AesCmac(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"an AES key has 16, 24 or 32 bytes, not {key.Length}", nameof(key));
        }

        _aes = Aes.Create();
        _aes.Key = key.ToArray();
        Span<byte> l = stackalloc byte[BlockSize];
        l.Clear();
        _aes.EncryptEcb(l, l, PaddingMode.None);
        Double(l, _k1);
        Double(_k1, _k2);
        CryptographicOperations.ZeroMemory(l);
    }

    /// <summary>Writes the 16-byte CMAC of <paramref name="message"/> into <paramref name="mac"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        if (mac.Length < BlockSize)
        {
            throw new ArgumentException($"the MAC needs {BlockSize} bytes", nameof(mac));
        }

        // Every block but the last is plain CBC; the last is masked with K1 (complete) or padded and masked with K2.
        var blocks = message.Length == 0 ? 1 : (message.Length + BlockSize - 1) / BlockSize;
        var leading = (blocks - 1) * BlockSize;
        Span<byte> chain = stackalloc byte[BlockSize];
        chain.Clear();
        Span<byte> chunk = stackalloc byte[ChunkBytes];
        for (var offset = 0; offset < leading; offset += ChunkBytes)
        {
            var length = Math.Min(ChunkBytes, leading - offset);
            _aes.EncryptCbc(message.Slice(offset, length), chain, chunk, PaddingMode.None);
            chunk.Slice(length - BlockSize, BlockSize).CopyTo(chain);
        }

        var last = message[leading..];
        Span<byte> final = stackalloc byte[BlockSize];
        final.Clear();
        last.CopyTo(final);
        ReadOnlySpan<byte> mask = _k1;
        if (last.Length < BlockSize)
        {
            final[last.Length] = 0x80;
            mask = _k2;
        }

        for (var i = 0; i < BlockSize; i++)
        {
            final[i] ^= (byte)(mask[i] ^ chain[i]);
        }

        _aes.EncryptEcb(final, mac[..BlockSize], PaddingMode.None);
        CryptographicOperations.ZeroMemory(chunk);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
        _aes.Dispose();
    }

    /// <summary>Multiplication by x in GF(2^128) as SP 800-38B derives the subkeys: shift left, reduce by 0x87.</summary>
    private static void Double(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var carry = 0;
        for (var i = BlockSize - 1; i >= 0; i--)
        {
            var b = input[i];
            output[i] = (byte)((b << 1) | carry);
            carry = b >> 7;
        }

        if (carry != 0)
        {
            output[BlockSize - 1] ^= 0x87;
        }
    }
}
