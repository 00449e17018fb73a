using System.Text;
using CsCheck;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Tests.Protocol.Iso8583;

/// <summary>
/// Whatever bytes arrive, the codec answers with a precise <see cref="IsoError"/> (or, from Parse, an
/// <see cref="IsoFormatException"/>) and nothing else; and a message that does parse can be read in full.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Profiles => new() { Iso87.AsciiName, Iso87.BinaryName };

    /// <summary>The shipped profiles and iso87-ascii with a hex bitmap, for the properties that hold for any profile.</summary>
    public static TheoryData<string> AllProfiles => RoundTripPropertyTests.Profiles;

    // ---- Random and damaged input ------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllProfiles))]
    public void Random_bytes_never_escape_as_anything_but_a_located_error(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var sparseBitmap = Gen.Int[2, 128].Array[0, 4].Select(fields =>
        {
            var bitmap = new byte[16];
            foreach (var field in fields)
            {
                bitmap[(field - 1) / 8] |= (byte)(0x80 >> ((field - 1) % 8));
            }

            if (fields.Any(f => f > 64))
            {
                bitmap[0] |= 0x80;
            }
            else
            {
                bitmap = bitmap[..8];
            }

            return profile.Bitmap == BitmapEncoding.Hex ? Encoding.ASCII.GetBytes(Convert.ToHexString(bitmap)) : bitmap;
        });
        var gen = Gen.OneOf(
            Gen.Byte.Array[0, 200],
            // A valid MTI first, so that the random part reaches the bitmap and the fields.
            Gen.Select(Gen.Int[0, 9999], Gen.Byte.Array[0, 300], (mti, tail) => (byte[])[.. Mti(profile, mti), .. tail]),
            // A valid MTI and a bitmap naming a few fields, so that the random part is read as field values.
            Gen.Select(Gen.Int[0, 9999], sparseBitmap, Gen.Byte.Array[0, 120], (mti, bitmap, tail) => (byte[])[.. Mti(profile, mti), .. bitmap, .. tail]));
        gen.Sample(bytes => CheckAnyInput(bytes, profile), iter: 6000, print: Convert.ToHexString);
    }

    [Theory]
    [MemberData(nameof(AllProfiles))]
    public void Every_truncation_of_a_valid_message_is_reported_as_truncated_at_the_field_being_read(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile, maxFields: 24, longValues: false).Sample(
            generated =>
            {
                var bytes = generated.Encode();
                var layout = GeneratedIsoMessages.Layout(generated);
                var secondary = generated.Fields.Any(f => f.Number > 64);
                var stan = generated.Fields.FirstOrDefault(f => f.Number == 11);
                var tid = generated.Fields.FirstOrDefault(f => f.Number == 41);
                for (var length = 0; length < bytes.Length; length++)
                {
                    var prefix = bytes.AsSpan(0, length);
                    Assert.False(IsoMessage.TryParse(prefix, profile, out _, out var error), $"a {length}-byte prefix parsed");
                    CheckLocated(error, length);
                    var (field, offset) = ExpectedTruncation(length);
                    Assert.Equal(IsoErrorKind.Truncated, error.Kind);
                    Assert.Equal(field, error.Field);
                    Assert.Equal(offset, error.Offset);
                    Assert.Equal(field >= IsoError.BitmapField ? generated.Mti : (int?)null, error.Mti);
                    Assert.Equal(field > 11 && stan is not null ? int.Parse(Encoding.ASCII.GetString(stan.Value), System.Globalization.CultureInfo.InvariantCulture) : (int?)null, error.Stan);
                    Assert.Equal(field > 41 && tid is not null ? Encoding.ASCII.GetString(tid.Value).TrimEnd() : null, error.Tid);
                    CheckParseThrowsTheSameError(prefix, profile, error);
                }

                Assert.True(IsoMessage.TryParse(bytes, profile, out _, out _));

                (int Field, int Offset) ExpectedTruncation(int length)
                {
                    var mtiBytes = profile.MtiBytes;
                    if (length < mtiBytes)
                    {
                        return (IsoError.MtiField, 0);
                    }

                    if (length < mtiBytes + profile.BitmapBytes)
                    {
                        return (IsoError.BitmapField, mtiBytes);
                    }

                    if (secondary && length < mtiBytes + (2 * profile.BitmapBytes))
                    {
                        return (IsoError.BitmapField, mtiBytes + profile.BitmapBytes);
                    }

                    var (field, start, valueStart, _) = layout.First(f => f.End > length);
                    return (field, length < valueStart ? start : valueStart);
                }
            },
            iter: 250,
            print: m => m.ToString());
    }

    [Theory]
    [MemberData(nameof(AllProfiles))]
    public void Any_single_byte_replaced_in_a_valid_message_yields_a_located_error_or_a_readable_message(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var gen =
            from message in GeneratedIsoMessages.Messages(profile, maxFields: 40, longValues: false)
            let bytes = message.Encode()
            from position in Gen.Int[0, bytes.Length - 1]
            from replacement in Gen.Byte
            select Replace(bytes, position, replacement);
        gen.Sample(bytes => CheckAnyInput(bytes, profile), iter: 6000, print: Convert.ToHexString);

        static byte[] Replace(byte[] bytes, int position, byte value)
        {
            var copy = (byte[])bytes.Clone();
            copy[position] = value;
            return copy;
        }
    }

    [Theory]
    [MemberData(nameof(AllProfiles))]
    public void Every_single_bit_flip_of_a_valid_message_yields_a_located_error_or_a_readable_message(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile, maxFields: 12, longValues: false).Sample(
            generated =>
            {
                var bytes = generated.Encode();
                var flipped = new byte[bytes.Length];
                for (var position = 0; position < bytes.Length; position++)
                {
                    for (var bit = 0; bit < 8; bit++)
                    {
                        bytes.CopyTo(flipped, 0);
                        flipped[position] ^= (byte)(1 << bit);
                        CheckAnyInput(flipped, profile);
                    }
                }
            },
            iter: 60,
            print: m => m.ToString());
    }

    // ---- Precise errors ----------------------------------------------------------------------------

    [Fact]
    public void Llvar_prefix_over_the_maximum_names_the_field_the_lengths_and_the_offset_of_the_prefix()
    {
        // iso87-ascii: MTI (4) + primary bitmap (8) + field 3 (6) + field 11 (6): field 35's prefix is at offset 24.
        var bytes = Write(Iso87.Ascii, (3, "000000"), (11, "123456"), (35, new string('1', 37)), (41, "TERM0001"));
        Assert.Equal("37"u8.ToArray(), bytes[24..26]);
        "41"u8.CopyTo(bytes.AsSpan(24));

        Assert.False(IsoMessage.TryParse(bytes, Iso87.Ascii, out _, out var error));
        Assert.Equal(IsoErrorKind.LengthOutOfRange, error.Kind);
        Assert.Equal(35, error.Field);
        Assert.Equal(24, error.Offset);
        Assert.Equal("field 35: LLVAR length 41 exceeds maximum 37 at offset 24", error.Message);
        CheckParseThrowsTheSameError(bytes, Iso87.Ascii, error);
    }

    [Theory]
    [InlineData(Iso87.AsciiName, 2, 20)]
    [InlineData(Iso87.AsciiName, 35, 38)]
    [InlineData(Iso87.AsciiName, 36, 105)]
    [InlineData(Iso87.AsciiName, 102, 99)]
    [InlineData(Iso87.BinaryName, 2, 20)]
    [InlineData(Iso87.BinaryName, 35, 41)]
    [InlineData(Iso87.BinaryName, 36, 999)]
    [InlineData(Iso87.BinaryName, 45, 77)]
    public void Length_prefix_over_the_maximum_is_length_out_of_range_at_the_prefix(string profileName, int field, int declared)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var spec = profile[field]!;
        var value = new string(spec.Type == ContentType.Numeric || spec.Type == ContentType.Track ? '1' : 'a', spec.Length);
        // Fields 3 and 11 before it (when it comes after them), so the prefix is not at a fixed place.
        var bytes = field > 11 ? Write(profile, (3, "000000"), (11, "000042"), (field, value)) : Write(profile, (field, value));
        var prefixAt = bytes.Length - spec.WireBytes(spec.Length) - spec.PrefixBytes;
        WritePrefix(spec, declared, bytes.AsSpan(prefixAt, spec.PrefixBytes));

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.LengthOutOfRange, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Equal(prefixAt, error.Offset);
        Assert.Equal($"field {field}: {spec.Prefix}VAR length {declared} exceeds maximum {spec.Length} at offset {prefixAt}", error.Message);
        CheckParseThrowsTheSameError(bytes, profile, error);
    }

    [Fact]
    public void Letter_in_field_4_is_invalid_content_at_the_letters_offset()
    {
        // iso87-ascii: MTI (4) + bitmap (8) + field 3 (6): field 4 starts at offset 18.
        var valid = Write(Iso87.Ascii, (3, "000000"), (4, "000000001000"), (11, "000042"), (41, "TERM0001"));
        for (var digit = 0; digit < 12; digit++)
        {
            var bytes = (byte[])valid.Clone();
            bytes[18 + digit] = (byte)'A';

            Assert.False(IsoMessage.TryParse(bytes, Iso87.Ascii, out _, out var error));
            Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
            Assert.Equal(4, error.Field);
            Assert.Equal(18 + digit, error.Offset);
            Assert.StartsWith("field 4: byte 0x41 ", error.Message, StringComparison.Ordinal);
            Assert.EndsWith($" at offset {18 + digit}", error.Message, StringComparison.Ordinal);
            CheckParseThrowsTheSameError(bytes, Iso87.Ascii, error);
        }
    }

    [Fact]
    public void Non_decimal_nibble_in_bcd_field_4_is_invalid_content_at_the_byte_holding_it()
    {
        // iso87-binary: MTI (2) + bitmap (8) + field 3 (3 bytes): field 4's 6 BCD bytes start at offset 13.
        var valid = Write(Iso87.Binary, (3, "000000"), (4, "000000001000"), (11, "000042"), (41, "TERM0001"));
        for (var digit = 0; digit < 12; digit++)
        {
            var bytes = (byte[])valid.Clone();
            var at = 13 + (digit / 2);
            bytes[at] = digit % 2 == 0 ? (byte)(0xA0 | (bytes[at] & 0x0F)) : (byte)((bytes[at] & 0xF0) | 0x0B);

            Assert.False(IsoMessage.TryParse(bytes, Iso87.Binary, out _, out var error));
            Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
            Assert.Equal(4, error.Field);
            Assert.Equal(at, error.Offset);
            CheckParseThrowsTheSameError(bytes, Iso87.Binary, error);
        }
    }

    /// <summary>
    /// For every digit of every n, z and x+n field (and the sign of x+n), the byte that carries it is found by
    /// writing the value twice with only that digit changed; a non-digit there must be reported at that byte.
    /// </summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public void Non_digit_anywhere_in_a_digit_field_is_reported_at_the_byte_that_carries_it(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var failures = new List<string>();
        foreach (var spec in profile.Fields.Values.Where(s => s.Type is ContentType.Numeric or ContentType.Track or ContentType.SignedAmount).OrderBy(s => s.Number))
        {
            var signed = spec.Type == ContentType.SignedAmount;
            var value = Enumerable.Repeat((byte)'1', spec.Length).ToArray();
            if (signed)
            {
                value[0] = (byte)'C';
            }

            var baseline = Write(profile, (spec.Number, value));
            for (var unit = 0; unit < spec.Length; unit++)
            {
                var changed = (byte[])value.Clone();
                changed[unit] = signed && unit == 0 ? (byte)'D' : (byte)'2';
                var other = Write(profile, (spec.Number, changed));
                var differing = Enumerable.Range(0, baseline.Length).Where(i => baseline[i] != other[i]).ToArray();
                Assert.Single(differing);
                var at = differing[0];

                var corrupted = (byte[])baseline.Clone();
                var packed = spec.Encoding == ValueEncoding.Bcd && !(signed && unit == 0);
                corrupted[at] = !packed ? (byte)'X'
                    : ((baseline[at] ^ other[at]) & 0xF0) != 0 ? (byte)(0xA0 | (baseline[at] & 0x0F))
                    : (byte)((baseline[at] & 0xF0) | 0x0A);

                if (IsoMessage.TryParse(corrupted, profile, out _, out var error))
                {
                    failures.Add($"field {spec.Number} unit {unit}: parsed");
                }
                else if (error.Kind != IsoErrorKind.InvalidContent || error.Field != spec.Number || error.Offset != at
                    || !error.Message.Contains($"byte 0x{corrupted[at]:X2} ", StringComparison.Ordinal))
                {
                    failures.Add($"field {spec.Number} unit {unit}: expected InvalidContent at offset {at} (byte 0x{corrupted[at]:X2}) in {Convert.ToHexString(corrupted)}, got {error.Kind}: {error.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Truncated_message_reports_truncated_at_the_field_it_ends_in()
    {
        var valid = Write(Iso87.Ascii, (3, "000000"), (4, "000000001000"), (11, "000042"));
        var bytes = valid[..^1];

        Assert.False(IsoMessage.TryParse(bytes, Iso87.Ascii, out _, out var error));
        Assert.Equal(IsoErrorKind.Truncated, error.Kind);
        Assert.Equal(11, error.Field);
        Assert.Equal(30, error.Offset);
        Assert.Equal("field 11: value needs 6 bytes, 5 remain at offset 30", error.Message);
        CheckParseThrowsTheSameError(bytes, Iso87.Ascii, error);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Error_after_fields_11_and_41_were_read_reports_mti_stan_and_tid(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"), (4, "000000001000"), (11, "004711"), (41, "TERM01"), (48, "abc"), (49, "978"));
        bytes = bytes[..^1]; // field 49 is cut short

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(49, error.Field);
        Assert.Equal(200, error.Mti);
        Assert.Equal(4711, error.Stan);
        Assert.Equal("TERM01", error.Tid);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Bad_content_between_fields_11_and_41_still_reports_both(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"), (11, "004711"), (32, "12345"), (41, "TERM01"));
        var field32At = profile.MtiBytes + profile.BitmapBytes + profile[3]!.WireBytes(6) + profile[11]!.WireBytes(6) + profile[32]!.PrefixBytes;
        bytes[field32At] = profile[32]!.Encoding == ValueEncoding.Bcd ? (byte)0xF2 : (byte)'x';

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
        Assert.Equal(32, error.Field);
        Assert.Equal(field32At, error.Offset);
        Assert.Equal(200, error.Mti);
        Assert.Equal(4711, error.Stan);
        Assert.Equal("TERM01", error.Tid);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Error_in_field_41_itself_reports_the_stan_but_no_tid(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"), (11, "004711"), (37, "RRN000000001"), (41, "TERM01"));
        bytes = bytes[..^3];

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.Truncated, error.Kind);
        Assert.Equal(41, error.Field);
        Assert.Equal(200, error.Mti);
        Assert.Equal(4711, error.Stan);
        Assert.Null(error.Tid);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Bad_content_before_field_11_is_passed_over_so_the_stan_and_tid_still_identify_the_sender(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"), (4, "000000001000"), (11, "004711"), (41, "TERM01"));
        var field4At = profile.MtiBytes + profile.BitmapBytes + profile[3]!.WireBytes(6);
        bytes[field4At] = profile[4]!.Encoding == ValueEncoding.Bcd ? (byte)0xF0 : (byte)'x';

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
        Assert.Equal(4, error.Field);
        Assert.Equal(field4At, error.Offset);
        Assert.Equal(200, error.Mti);
        Assert.Equal(4711, error.Stan);
        Assert.Equal("TERM01", error.Tid);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_broken_length_prefix_before_field_11_reports_the_mti_only_and_cannot_be_answered(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (2, "4761739001010010"), (3, "000000"), (11, "004711"), (41, "TERM01"));
        var prefixAt = profile.MtiBytes + profile.BitmapBytes;
        bytes[prefixAt] = profile[2]!.PrefixEncoding == PrefixEncoding.Bcd ? (byte)0xFF : (byte)'x';

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.BadLengthPrefix, error.Kind);
        Assert.Equal(2, error.Field);
        Assert.Equal(200, error.Mti);
        Assert.Null(error.Stan);
        Assert.Null(error.Tid);
        Assert.False(error.CanAnswer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Error_in_field_11_itself_reports_no_stan(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"), (11, "004711"));
        bytes = bytes[..^1];

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(11, error.Field);
        Assert.Equal(200, error.Mti);
        Assert.Null(error.Stan);
        Assert.False(error.CanAnswer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Bytes_after_the_last_field_are_trailing_bytes_and_can_be_answered(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var valid = Write(profile, (3, "000000"), (11, "004711"), (41, "TERM0001"));
        byte[] bytes = [.. valid, 0x30, 0x30];

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.TrailingBytes, error.Kind);
        Assert.Equal(valid.Length, error.Offset);
        Assert.Equal(4711, error.Stan);
        Assert.Equal("TERM0001", error.Tid);
        Assert.True(error.CanAnswer);
    }

    [Theory]
    [InlineData(Iso87.AsciiName, "30324130")] // "02A0"
    [InlineData(Iso87.BinaryName, "0A00")]
    public void Mti_that_is_not_four_decimal_digits_is_bad_mti_at_offset_0(string profileName, string mtiHex)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"));
        Convert.FromHexString(mtiHex).CopyTo(bytes, 0);

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.BadMti, error.Kind);
        Assert.Equal(IsoError.MtiField, error.Field);
        Assert.Equal(0, error.Offset);
        Assert.StartsWith("MTI: ", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Mti);
        Assert.False(error.CanAnswer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(31)]
    public void Non_hex_character_in_a_hex_bitmap_is_invalid_content_at_that_character(int index)
    {
        var profile = GeneratedIsoMessages.HexBitmap;
        var bytes = Write(profile, (3, "000000"), (70, "301"));
        bytes[4 + index] = (byte)'G';

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.InvalidContent, error.Kind);
        Assert.Equal(IsoError.BitmapField, error.Field);
        Assert.Equal(4 + index, error.Offset);
        Assert.StartsWith("bitmap: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(200, error.Mti);
        CheckParseThrowsTheSameError(bytes, profile, error);
    }

    [Theory]
    [InlineData(Iso87.AsciiName, 3)]
    [InlineData(GeneratedIsoMessages.HexBitmapName, 4 + 15)]
    [InlineData(GeneratedIsoMessages.HexBitmapName, 4 + 16 + 7)]
    public void Bitmap_cut_short_is_truncated_at_the_start_of_that_bitmap(string profileName, int length)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var bytes = Write(profile, (3, "000000"), (70, "301"))[..(profile.MtiBytes + length)];

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.Truncated, error.Kind);
        Assert.Equal(IsoError.BitmapField, error.Field);
        Assert.Equal(length < profile.BitmapBytes ? profile.MtiBytes : profile.MtiBytes + profile.BitmapBytes, error.Offset);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Input_longer_than_the_codec_allows_is_too_long(string profileName)
    {
        var profile = IsoProfiles.Get(profileName);
        var bytes = new byte[IsoLimits.MaxMessageLength + 1];

        Assert.False(IsoMessage.TryParse(bytes, profile, out _, out var error));
        Assert.Equal(IsoErrorKind.TooLong, error.Kind);
        Assert.Equal(IsoError.MtiField, error.Field);
        Assert.Equal(0, error.Offset);
        CheckParseThrowsTheSameError(bytes, profile, error);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Empty_input_is_truncated_in_the_mti(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        Assert.False(IsoMessage.TryParse([], profile, out _, out var error));
        Assert.Equal(IsoErrorKind.Truncated, error.Kind);
        Assert.Equal(IsoError.MtiField, error.Field);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Non_digit_ascii_length_prefix_is_bad_length_prefix_at_the_prefix()
    {
        // MTI (4) + bitmap (8) + field 3 (6): field 48's LLL prefix is at offset 18.
        var bytes = Write(Iso87.Ascii, (3, "000000"), (48, "abc"));
        bytes[19] = (byte)'X';

        Assert.False(IsoMessage.TryParse(bytes, Iso87.Ascii, out _, out var error));
        Assert.Equal(IsoErrorKind.BadLengthPrefix, error.Kind);
        Assert.Equal(48, error.Field);
        Assert.Equal(18, error.Offset);
    }

    // ---- Helpers -----------------------------------------------------------------------------------

    /// <summary>TryParse never throws; on failure the error is located and Parse throws it; on success every field reads.</summary>
    internal static void CheckAnyInput(byte[] bytes, IsoProfile profile)
    {
        if (IsoMessage.TryParse(bytes, profile, out _, out var error))
        {
            _ = IsoMessage.Parse(bytes, profile);
            CheckEveryFieldReads(bytes, profile);
            return;
        }

        CheckLocated(error, bytes.Length);
        CheckParseThrowsTheSameError(bytes, profile, error);
    }

    /// <summary>The message names the field (MTI, bitmap or field N) and an offset inside the input.</summary>
    private static void CheckLocated(IsoError error, int inputLength)
    {
        Assert.InRange(error.Field, IsoError.MtiField, IsoLimits.MaxField);
        Assert.InRange(error.Offset, 0, inputLength);
        var subject = error.Field switch
        {
            IsoError.MtiField => "MTI",
            IsoError.BitmapField => "bitmap",
            _ => $"field {error.Field}",
        };
        Assert.StartsWith(subject + ": ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($" at offset {error.Offset}", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, error.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    private static void CheckParseThrowsTheSameError(ReadOnlySpan<byte> bytes, IsoProfile profile, IsoError expected)
    {
        IsoFormatException? thrown = null;
        try
        {
            _ = IsoMessage.Parse(bytes, profile);
        }
        catch (IsoFormatException ex)
        {
            thrown = ex;
        }

        Assert.NotNull(thrown);
        Assert.Equal((expected.Kind, expected.Field, expected.Offset), (thrown.Error.Kind, thrown.Error.Field, thrown.Error.Offset));
        Assert.Equal(expected.Message, thrown.Message);
    }

    /// <summary>
    /// Reads every field every way there is. Only <see cref="IsoFormatException"/> may come out of a read;
    /// anything else propagates and fails the test. The reads must also agree with one another.
    /// </summary>
    private static void CheckEveryFieldReads(byte[] bytes, IsoProfile profile)
    {
        var message = IsoMessage.Parse(bytes, profile);
        foreach (var field in message.Fields)
        {
            var spec = profile[field]!;
            var length = message.Length(field);
            Assert.InRange(length, 0, spec.Length);
            if (spec.IsFixed)
            {
                Assert.Equal(spec.Length, length);
            }

            var value = new byte[length];
            try
            {
                Assert.Equal(length, message.CopyValue(field, value));
                Assert.True(message.ValueEquals(field, value), $"ValueEquals({field}) disagrees with CopyValue");
            }
            catch (IsoFormatException)
            {
            }

            try
            {
                var text = message.GetString(field);
                Assert.Equal(spec.Type == ContentType.Binary ? 2 * length : length, text.Length);
            }
            catch (IsoFormatException)
            {
            }

            try
            {
                _ = message.TryGetInt64(field, out _);
            }
            catch (IsoFormatException)
            {
            }

            if (spec.Type == ContentType.Numeric)
            {
                // On any other type these throw by design; on n they throw only for numbers that do not fit.
                try
                {
                    _ = message.GetInt64(field);
                }
                catch (IsoFormatException)
                {
                }

                try
                {
                    _ = message.GetInt32(field);
                }
                catch (IsoFormatException)
                {
                }
            }

            try
            {
                var tlv = message.Tlv(field);
                while (tlv.TryRead(out var tag, out _))
                {
                    Assert.Equal(2, tag.Length);
                }

                if (tlv.Error is { } tlvError)
                {
                    Assert.Equal(IsoErrorKind.BadTlv, tlvError.Kind);
                    Assert.Equal(field, tlvError.Field);
                    Assert.InRange(tlvError.Offset, 0, bytes.Length);
                }

                Assert.Equal(tlv.Error?.Message, message.Tlv(field).Validate()?.Message);
            }
            catch (IsoFormatException)
            {
            }
        }

        try
        {
            Assert.StartsWith(message.Mti.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), message.ToString(), StringComparison.Ordinal);
        }
        catch (IsoFormatException)
        {
        }
    }

    private static byte[] Mti(IsoProfile profile, int mti)
    {
        var buffer = new byte[64];
        var writer = new IsoMessageWriter(buffer.AsSpan(), profile, mti);
        writer.Complete();
        return buffer[..profile.MtiBytes];
    }

    private static byte[] Write(IsoProfile profile, params (int Field, string Value)[] fields) =>
        Write(profile, fields.Select(f => (f.Field, Encoding.ASCII.GetBytes(f.Value))).ToArray());

    private static byte[] Write(IsoProfile profile, params (int Field, byte[] Value)[] fields)
    {
        var buffer = new byte[IsoLimits.MaxMessageLength];
        var writer = new IsoMessageWriter(buffer.AsSpan(), profile, 200);
        foreach (var (field, value) in fields)
        {
            writer.Write(field, value);
        }

        return buffer[..writer.Complete()];
    }

    /// <summary>A length prefix as the spec's prefix encoding writes it, for any value (even an illegal one).</summary>
    private static void WritePrefix(FieldSpec spec, int units, Span<byte> prefix)
    {
        Assert.NotEqual(PrefixEncoding.Binary, spec.PrefixEncoding);
        var digits = units.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft((int)spec.Prefix, '0');
        if (spec.PrefixEncoding == PrefixEncoding.Ascii)
        {
            Encoding.ASCII.GetBytes(digits).CopyTo(prefix);
            return;
        }

        var packed = Convert.FromHexString(digits.Length % 2 == 1 ? "0" + digits : digits);
        packed.CopyTo(prefix);
    }
}
