using System.Buffers.Binary;

namespace Switch.Fuzz.Engine;

/// <summary>
/// AFL-style havoc: a stack of 1 to 8 random edits of a queued input: bit flips, bytes and 16-bit
/// words set to boundary values, arithmetic, deleted, duplicated and inserted runs, splices with
/// another queued input, protocol tokens (MTIs, bitmap bytes, BCD and hex digits), and tweaks of
/// the numbers an ISO 8583 message is full of: ASCII length prefixes, BCD prefixes, frame headers.
/// </summary>
internal sealed class Mutator(Random random, int maxLength)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x05, 0x09, 0x0F, 0x10, 0x19, 0x20, 0x3D, 0x7F, 0x80, 0x99, 0x9F, 0xC0, 0xD0, 0xF0, 0xFF, (byte)'0', (byte)'1', (byte)'9', (byte)'A', (byte)'C', (byte)'D', (byte)'F', (byte)'=', (byte)' '];
    private static readonly ushort[] InterestingWords = [0, 1, 2, 5, 6, 0x7F, 0x80, 0xFF, 0x100, 0x3FF, 0x1000, 0x1001, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];

    private static readonly byte[][] Tokens =
    [
        "0800"u8.ToArray(), "0200"u8.ToArray(), "0210"u8.ToArray(), "0400"u8.ToArray(), "0500"u8.ToArray(),
        [0x08, 0x00], [0x02, 0x00], [0x04, 0x00],
        [0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        "99"u8.ToArray(), "999"u8.ToArray(), "000"u8.ToArray(), "19"u8.ToArray(), "37"u8.ToArray(),
        "CI"u8.ToArray(), "ST"u8.ToArray(), "OT"u8.ToArray(), "PN"u8.ToArray(), "CI008"u8.ToArray(),
        [0x60, 0x00, 0x01, 0x00, 0x00], "C000"u8.ToArray(), "D000"u8.ToArray(), "="u8.ToArray(),
    ];

    public byte[] Mutate(byte[] parent, IReadOnlyList<byte[]> queue)
    {
        var data = new List<byte>(parent);
        var edits = 1 << random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            Edit(data, queue);
        }

        if (data.Count > maxLength)
        {
            data.RemoveRange(maxLength, data.Count - maxLength);
        }

        return [.. data];
    }

    private void Edit(List<byte> data, IReadOnlyList<byte[]> queue)
    {
        if (data.Count == 0)
        {
            data.AddRange(Tokens[random.Next(Tokens.Length)]);
            return;
        }

        var at = random.Next(data.Count);
        switch (random.Next(13))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                break;
            case 2:
                data[at] = (byte)random.Next(256);
                break;
            case 3:
                data[at] = (byte)(data[at] + random.Next(-16, 17));
                break;
            case 4:
                SetWord(data, at, InterestingWords[random.Next(InterestingWords.Length)]);
                break;
            case 5:
                data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(16)));
                break;
            case 6:
                var run = data.GetRange(at, Math.Min(data.Count - at, 1 + random.Next(32)));
                data.InsertRange(random.Next(data.Count + 1), run);
                break;
            case 7:
                var noise = new byte[1 + random.Next(8)];
                random.NextBytes(noise);
                data.InsertRange(at, noise);
                break;
            case 8:
                Splice(data, queue[random.Next(queue.Count)]);
                break;
            case 9:
                var token = Tokens[random.Next(Tokens.Length)];
                if (random.Next(2) == 0)
                {
                    data.InsertRange(at, token);
                }
                else
                {
                    Overwrite(data, at, token);
                }

                break;
            case 10:
                TweakAsciiNumber(data, at);
                break;
            case 11:
                TweakBcdNumber(data, at);
                break;
            default:
                TweakFrameHeader(data, at);
                break;
        }
    }

    /// <summary>Keeps a random head of this input and a random tail of another.</summary>
    private void Splice(List<byte> data, byte[] other)
    {
        if (other.Length == 0)
        {
            return;
        }

        var keep = random.Next(data.Count + 1);
        data.RemoveRange(keep, data.Count - keep);
        data.AddRange(other.AsSpan(random.Next(other.Length)).ToArray());
    }

    private static void Overwrite(List<byte> data, int at, byte[] token)
    {
        for (var i = 0; i < token.Length && at + i < data.Count; i++)
        {
            data[at + i] = token[i];
        }
    }

    private void SetWord(List<byte> data, int at, ushort value)
    {
        if (at + 1 >= data.Count)
        {
            return;
        }

        Span<byte> word = stackalloc byte[2];
        if (random.Next(2) == 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(word, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(word, value);
        }

        data[at] = word[0];
        data[at + 1] = word[1];
    }

    /// <summary>The run of ASCII digits around <paramref name="at"/> (an LL/LLL prefix, a TLV length) nudged or set to a boundary.</summary>
    private void TweakAsciiNumber(List<byte> data, int at)
    {
        var start = at;
        while (start < data.Count && !IsDigit(data[start]))
        {
            start++;
        }

        var end = start;
        while (end < data.Count && end - start < 4 && IsDigit(data[end]))
        {
            end++;
        }

        var width = end - start;
        if (width == 0)
        {
            return;
        }

        var value = 0;
        for (var i = start; i < end; i++)
        {
            value = (value * 10) + (data[i] - '0');
        }

        var limit = (int)Math.Pow(10, width);
        value = random.Next(4) switch
        {
            0 => value + 1,
            1 => value - 1,
            2 => random.Next(limit),
            _ => limit - 1,
        };
        value = ((value % limit) + limit) % limit;
        for (var i = end - 1; i >= start; i--)
        {
            data[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>A byte read as two BCD digits (a binary-profile length prefix) nudged by one or set to 99.</summary>
    private void TweakBcdNumber(List<byte> data, int at)
    {
        var b = data[at];
        var value = ((b >> 4) * 10) + (b & 0xF);
        value = random.Next(3) switch
        {
            0 => Math.Min(99, value + 1),
            1 => Math.Max(0, value - 1),
            _ => 99,
        };
        data[at] = (byte)(((value / 10) << 4) | (value % 10));
    }

    /// <summary>Sets a big-endian 16-bit length near the real remaining length: one short, exact, one over.</summary>
    private void TweakFrameHeader(List<byte> data, int at)
    {
        if (at + 2 > data.Count)
        {
            return;
        }

        var remaining = data.Count - at - 2;
        var length = Math.Max(0, remaining + random.Next(-2, 3));
        data[at] = (byte)(length >> 8);
        data[at + 1] = (byte)length;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
