using System.Buffers;
using System.Globalization;
using System.Text;
using CsCheck;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Tests.Protocol.Iso8583;

/// <summary>
/// Property tests of the codec: any message that is valid for a profile survives write → parse with every
/// field's application value intact, and parse → write reproduces the bytes.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private const int Iterations = 1500;

    /// <summary>The two shipped profiles, and iso87-ascii with a hex bitmap (a profile file may ask for one).</summary>
    public static TheoryData<string> Profiles => new() { Iso87.AsciiName, Iso87.BinaryName, GeneratedIsoMessages.HexBitmapName };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Written_message_parses_back_with_the_same_mti_fields_and_values(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile).Sample(
            generated =>
            {
                var bytes = generated.Encode();
                var message = IsoMessage.Parse(bytes, profile);

                Assert.Equal(generated.Mti, message.Mti);
                Assert.Equal(generated.Fields.Select(f => f.Number), GeneratedIsoMessages.PresentFields(message));
                Assert.Equal(generated.Fields.Any(f => f.Number > 64), message.HasSecondaryBitmap);
                foreach (var (field, value) in generated.Fields)
                {
                    var spec = profile[field]!;
                    Assert.True(message.Has(field));
                    Assert.Equal(value.Length, message.Length(field));

                    var copy = new byte[value.Length];
                    Assert.Equal(value.Length, message.CopyValue(field, copy));
                    Assert.Equal(value, copy);
                    Assert.True(message.ValueEquals(field, value), $"ValueEquals({field})");
                    Assert.Equal(
                        spec.Type == ContentType.Binary ? Convert.ToHexString(value) : Encoding.Latin1.GetString(value),
                        message.GetString(field));

                    if (spec.Type == ContentType.Numeric)
                    {
                        var significant = Encoding.ASCII.GetString(value).TrimStart('0');
                        var fits = significant.Length <= 18;
                        Assert.Equal(fits, message.TryGetInt64(field, out var number));
                        if (fits)
                        {
                            Assert.Equal(significant.Length == 0 ? 0 : long.Parse(significant, CultureInfo.InvariantCulture), number);
                        }
                    }
                }
            },
            iter: Iterations,
            print: m => m.ToString());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Copying_every_field_of_a_parsed_message_reproduces_its_bytes(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile).Sample(
            generated =>
            {
                var bytes = generated.Encode();
                var message = IsoMessage.Parse(bytes, profile);

                var buffer = new byte[bytes.Length];
                var writer = new IsoMessageWriter(buffer.AsSpan(), profile, message.Mti);
                foreach (var field in message.Fields)
                {
                    writer.Copy(in message, field);
                }

                Assert.Equal(bytes.Length, writer.Complete());
                Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(buffer));
            },
            iter: Iterations,
            print: m => m.ToString());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Writing_the_parsed_application_values_again_reproduces_the_bytes(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile).Sample(
            generated =>
            {
                var bytes = generated.Encode();
                var message = IsoMessage.Parse(bytes, profile);

                var output = new ArrayBufferWriter<byte>();
                var writer = new IsoMessageWriter(output, profile, message.Mti, bytes.Length);
                foreach (var field in message.Fields)
                {
                    var value = new byte[message.Length(field)];
                    message.CopyValue(field, value);
                    writer.Write(field, value);
                }

                Assert.Equal(bytes.Length, writer.Complete());
                Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(output.WrittenSpan));
            },
            iter: Iterations,
            print: m => m.ToString());
    }

    /// <summary>
    /// A message fits a buffer exactly its size (FrameWriter.Payload is exactly the room a frame leaves), and a
    /// buffer one byte short is refused with TooLong, not overrun.
    /// </summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public void Message_fits_a_buffer_of_exactly_its_length_and_not_one_byte_less(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile, longValues: false).Sample(
            generated =>
            {
                var bytes = generated.Encode();
                var exact = new byte[bytes.Length];
                Assert.Equal(bytes.Length, WriteInto(exact, generated));
                Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(exact));

                IsoFormatException? thrown = null;
                try
                {
                    WriteInto(new byte[bytes.Length - 1], generated);
                }
                catch (IsoFormatException ex)
                {
                    thrown = ex;
                }

                Assert.NotNull(thrown);
                Assert.Equal(IsoErrorKind.TooLong, thrown.Error.Kind);
            },
            iter: Iterations / 2,
            print: m => m.ToString());

        static int WriteInto(byte[] destination, GeneratedMessage message)
        {
            var writer = new IsoMessageWriter(destination.AsSpan(), message.Profile, message.Mti);
            foreach (var (field, value) in message.Fields)
            {
                writer.Write(field, value);
            }

            return writer.Complete();
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Field_above_64_that_the_writer_refuses_leaves_no_secondary_bitmap(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var expected = new GeneratedMessage(profile, 210, [new(3, "000000"u8.ToArray()), new(39, "00"u8.ToArray())]).Encode();

        var buffer = new byte[expected.Length];
        var writer = new IsoMessageWriter(buffer.AsSpan(), profile, 210);
        writer.Write(3, "000000"u8);
        writer.Write(39, "00"u8);
        IsoFormatException? refused = null;
        try
        {
            writer.Write(70, "30x"u8); // n 3: a letter is refused
        }
        catch (IsoFormatException ex)
        {
            refused = ex;
        }

        Assert.NotNull(refused);
        Assert.Equal(70, refused.Error.Field);
        Assert.Equal(expected.Length, writer.Complete());
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(buffer));
        Assert.False(IsoMessage.Parse(buffer, profile).HasSecondaryBitmap);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void First_field_above_64_written_in_place_after_lower_fields_reads_back(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var buffer = new byte[512];
        var writer = new IsoMessageWriter(buffer.AsSpan(), profile, 810);
        writer.Write(7, "0101120000"u8);
        writer.Write(11, "000001"u8);
        var space = writer.BeginField(120);
        var tlv = new TlvWriter(space, 120);
        tlv.Write("ST"u8, "OTP"u8);
        tlv.Write("AL"u8, 3);
        writer.EndField(tlv.Written);
        writer.Write(128, (byte[])[0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01, 0x02, 0x03]);
        var length = writer.Complete();

        var message = IsoMessage.Parse(buffer.AsSpan(0, length), profile);
        Assert.True(message.HasSecondaryBitmap);
        Assert.Equal([7, 11, 120, 128], GeneratedIsoMessages.PresentFields(message));
        Assert.Equal("0101120000", message.GetString(7));
        Assert.Equal(1, message.GetInt32(11));
        Assert.Equal("ST003OTPAL0013", message.GetString(120));
        Assert.Equal("DEADBEEF00010203", message.GetString(128));
    }

    [Fact]
    public void Converting_between_the_ascii_and_binary_profiles_keeps_every_value_and_converts_back_byte_for_byte()
    {
        GeneratedIsoMessages.Messages(Iso87.Ascii).Sample(
            generated =>
            {
                var ascii = generated.Encode();
                var binary = Reencode(ascii, Iso87.Ascii, Iso87.Binary);
                var converted = IsoMessage.Parse(binary, Iso87.Binary);
                Assert.Equal(generated.Mti, converted.Mti);
                Assert.Equal(generated.Fields.Select(f => f.Number), GeneratedIsoMessages.PresentFields(converted));
                foreach (var (field, value) in generated.Fields)
                {
                    Assert.True(converted.ValueEquals(field, value), $"field {field} after conversion to {Iso87.BinaryName}");
                }

                Assert.Equal(Convert.ToHexString(ascii), Convert.ToHexString(Reencode(binary, Iso87.Binary, Iso87.Ascii)));
            },
            iter: Iterations / 2,
            print: m => m.ToString());

        static byte[] Reencode(byte[] bytes, IsoProfile from, IsoProfile to)
        {
            var source = IsoMessage.Parse(bytes, from);
            var output = new ArrayBufferWriter<byte>();
            var writer = new IsoMessageWriter(output, to, source.Mti, IsoLimits.MaxMessageLength);
            foreach (var field in source.Fields)
            {
                writer.Copy(in source, field);
            }

            writer.Complete();
            return output.WrittenSpan.ToArray();
        }
    }

    /// <summary>
    /// Real peers (jPOS among them) sometimes set bit 1 and send an all-zero secondary bitmap even though no
    /// field above 64 is present. Such a message must parse, and its fields must read as they were written.
    /// </summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public void Message_with_a_secondary_bitmap_naming_no_field_parses_and_reads_its_fields(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        GeneratedIsoMessages.Messages(profile, maxField: 64).Sample(
            generated =>
            {
                var canonical = generated.Encode();
                var withEmptySecondary = GeneratedIsoMessages.InsertEmptySecondaryBitmap(canonical, profile);

                var message = IsoMessage.Parse(withEmptySecondary, profile);
                Assert.True(message.HasSecondaryBitmap);
                Assert.Equal(generated.Mti, message.Mti);
                Assert.Equal(generated.Fields.Select(f => f.Number), GeneratedIsoMessages.PresentFields(message));
                Assert.DoesNotContain(GeneratedIsoMessages.PresentFields(message), f => f > 64);
                foreach (var (field, value) in generated.Fields)
                {
                    var copy = new byte[message.Length(field)];
                    message.CopyValue(field, copy);
                    Assert.Equal(value, copy);
                }

                // Re-encoding drops the empty secondary bitmap: the writer's form is the canonical one.
                var buffer = new byte[canonical.Length];
                var writer = new IsoMessageWriter(buffer.AsSpan(), profile, message.Mti);
                foreach (var field in message.Fields)
                {
                    writer.Copy(in message, field);
                }

                Assert.Equal(canonical.Length, writer.Complete());
                Assert.Equal(Convert.ToHexString(canonical), Convert.ToHexString(buffer));
            },
            iter: Iterations,
            print: m => m.ToString());
    }

    /// <summary>A fixed field given a shorter value is padded: numbers with '0' on the left, text with ' ' on the right, amounts keep the sign first.</summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public void Short_value_in_a_fixed_field_reads_back_padded(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var paddable = profile.Fields.Values.Where(s => s.IsFixed && s.Type != ContentType.Binary && s.Length > 1).OrderBy(s => s.Number).ToArray();
        var gen =
            from spec in Gen.OneOf(paddable)
            from length in Gen.Int[spec.Type == ContentType.SignedAmount ? 1 : 0, spec.Length - 1]
            from value in GeneratedIsoMessages.Value(spec, length)
            select (spec, value);
        gen.Sample(
            (spec, value) =>
            {
                var buffer = new byte[256];
                var writer = new IsoMessageWriter(buffer.AsSpan(), profile, 200);
                writer.Write(spec.Number, value);
                var message = IsoMessage.Parse(buffer.AsSpan(0, writer.Complete()), profile);

                var expected = spec.Type switch
                {
                    ContentType.Numeric => Encoding.ASCII.GetString(value).PadLeft(spec.Length, '0'),
                    ContentType.SignedAmount => (char)value[0] + Encoding.ASCII.GetString(value, 1, value.Length - 1).PadLeft(spec.Length - 1, '0'),
                    _ => Encoding.ASCII.GetString(value).PadRight(spec.Length, ' '),
                };
                Assert.Equal(spec.Length, message.Length(spec.Number));
                Assert.Equal(expected, message.GetString(spec.Number));
            },
            iter: Iterations,
            print: t => $"field {t.Item1.Number} = \"{Encoding.Latin1.GetString(t.Item2)}\"");
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Short_value_in_a_fixed_binary_field_is_rejected_naming_the_field(string profileName)
    {
        var profile = GeneratedIsoMessages.Profile(profileName);
        var buffer = new byte[64];
        var writer = new IsoMessageWriter(buffer.AsSpan(), profile, 200);
        IsoFormatException? thrown = null;
        try
        {
            writer.Write(52, new byte[7]);
        }
        catch (IsoFormatException ex)
        {
            thrown = ex;
        }

        Assert.NotNull(thrown);
        Assert.Equal(IsoErrorKind.LengthOutOfRange, thrown.Error.Kind);
        Assert.Equal(52, thrown.Error.Field);
    }
}

/// <summary>One field of a generated message: its number and its value as the application writes and reads it.</summary>
internal sealed record GeneratedField(int Number, byte[] Value);

/// <summary>A random message that is valid for its profile, and how to write it.</summary>
internal sealed record GeneratedMessage(IsoProfile Profile, int Mti, GeneratedField[] Fields)
{
    /// <summary>Writes the message with <see cref="IsoMessageWriter"/> and checks it is as long as the specs say.</summary>
    public byte[] Encode()
    {
        var layout = GeneratedIsoMessages.Layout(this);
        var length = layout.Length == 0 ? Profile.MtiBytes + Profile.BitmapBytes : layout[^1].End;
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, Profile, Mti, length);
        foreach (var (field, value) in Fields)
        {
            if (Profile[field]!.Type != ContentType.Binary && value.Length % 2 == 1)
            {
                // Now and then the text overload, which encodes the characters itself.
                writer.Write(field, Encoding.Latin1.GetString(value).AsSpan());
            }
            else
            {
                writer.Write(field, value);
            }
        }

        Assert.Equal(length, writer.Complete());
        Assert.Equal(length, output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Profile.Name} {Mti:D4}");
        foreach (var (field, value) in Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{field}]=");
            text.Append(Profile[field]!.Type == ContentType.Binary ? Convert.ToHexString(value) : Encoding.Latin1.GetString(value));
        }

        return text.ToString();
    }
}

/// <summary>Generators of valid messages, shared by the round-trip and the malformed-input tests.</summary>
internal static class GeneratedIsoMessages
{
    public const string HexBitmapName = "iso87-ascii-hex-bitmap";

    /// <summary>iso87-ascii with its bitmaps as 16 hex characters each (jPOS IFA_BITMAP) instead of 8 bytes.</summary>
    public static IsoProfile HexBitmap { get; } = Iso87.Ascii.With(HexBitmapName, [], bitmap: BitmapEncoding.Hex);

    public static IsoProfile Profile(string name) => name == HexBitmapName ? HexBitmap : IsoProfiles.Get(name);

    private static readonly byte[] TrackChars = "0123456789="u8.ToArray();
    private static readonly byte[] Signs = "CD"u8.ToArray();

    /// <summary>
    /// Random valid messages: any MTI, a random subset of the fields the profile defines in
    /// [<paramref name="minField"/>, <paramref name="maxField"/>] (half the time at most 12 of them, else
    /// up to <paramref name="maxFields"/>), each with a value valid for its spec.
    /// Fixed fields get their exact length; LL fields 0..max (max and 0 often); LLL fields mostly 0..60
    /// and now and then their maximum, unless <paramref name="longValues"/> is false.
    /// </summary>
    public static Gen<GeneratedMessage> Messages(IsoProfile profile, int minField = 2, int maxField = IsoLimits.MaxField, int maxFields = IsoLimits.MaxField, bool longValues = true)
    {
        var fields = profile.Fields.Values
            .Where(s => s.Number >= minField && s.Number <= maxField)
            .OrderBy(s => s.Number)
            .Select(s => Field(s, longValues))
            .ToArray();
        var most = Math.Min(maxFields, fields.Length);
        return Gen.Select(
            Gen.Int[0, 9999],
            Gen.OneOf(Gen.ShuffleSelect(fields, 0, Math.Min(12, most)), Gen.ShuffleSelect(fields, 0, most)),
            (mti, chosen) => new GeneratedMessage(profile, mti, [.. chosen.OrderBy(f => f.Number)]));
    }

    public static Gen<GeneratedField> Field(FieldSpec spec, bool longValues = true)
    {
        var value = Length(spec, longValues).SelectMany(length => Value(spec, length));
        if (spec.Sensitivity == Sensitivity.ChallengeTlv)
        {
            // Half the time well-formed TLV, so that damaged messages exercise the TLV reader and the masking.
            value = Gen.OneOf(value, TlvValue);
        }

        return value.Select(v => new GeneratedField(spec.Number, v));
    }

    /// <summary>Well-formed challenge TLV elements: 2-character tag, 3-digit length, printable value.</summary>
    private static Gen<byte[]> TlvValue { get; } =
        Gen.Select(Gen.OneOf("CI", "ST", "PN", "OT", "RS", "MP", "AL", "EX", "ZZ"), Gen.Byte[0x20, 0x7E].Array[0, 24])
            .Array[0, 4]
            .Select(elements => elements
                .SelectMany(e => (byte[])[.. Encoding.ASCII.GetBytes(e.Item1), .. Encoding.ASCII.GetBytes(e.Item2.Length.ToString("D3", CultureInfo.InvariantCulture)), .. e.Item2])
                .ToArray());

    private static Gen<int> Length(FieldSpec spec, bool longValues)
    {
        if (spec.IsFixed)
        {
            return Gen.Const(spec.Length);
        }

        if (spec.Length <= 99)
        {
            return Gen.Frequency((1, Gen.Const(0)), (2, Gen.Const(spec.Length)), (5, Gen.Int[0, spec.Length]));
        }

        return longValues
            ? Gen.Frequency((1, Gen.Const(0)), (1, Gen.Const(spec.Length)), (20, Gen.Int[0, 60]))
            : Gen.Frequency((1, Gen.Const(0)), (10, Gen.Int[0, 60]));
    }

    /// <summary>A value of <paramref name="length"/> units valid for the spec's content type, in the application's form.</summary>
    public static Gen<byte[]> Value(FieldSpec spec, int length) => spec.Type switch
    {
        ContentType.Numeric => Gen.Byte[(byte)'0', (byte)'9'].Array[length],
        ContentType.Track => Gen.OneOf(TrackChars).Array[length],
        ContentType.SignedAmount => Gen.Select(
            Gen.OneOf(Signs),
            Gen.Byte[(byte)'0', (byte)'9'].Array[length - 1],
            (sign, digits) => (byte[])[sign, .. digits]),
        ContentType.AlphaNumeric or ContentType.AlphaNumericSpecial => Gen.Byte[0x20, 0x7E].Array[length],
        ContentType.Binary => Gen.Byte.Array[length],
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Type, "no generator for this content type"),
    };

    public static List<int> PresentFields(in IsoMessage message)
    {
        var fields = new List<int>();
        foreach (var field in message.Fields)
        {
            fields.Add(field);
        }

        return fields;
    }

    /// <summary>The same message with bit 1 set and an all-zero secondary bitmap after the primary one.</summary>
    public static byte[] InsertEmptySecondaryBitmap(byte[] message, IsoProfile profile)
    {
        var primaryAt = profile.MtiBytes;
        var secondaryAt = primaryAt + profile.BitmapBytes;
        var result = new byte[message.Length + profile.BitmapBytes];
        message.AsSpan(0, secondaryAt).CopyTo(result);
        message.AsSpan(secondaryAt).CopyTo(result.AsSpan(secondaryAt + profile.BitmapBytes));
        if (profile.Bitmap == BitmapEncoding.Binary)
        {
            Assert.Equal(0, message[primaryAt] & 0x80);
            result[primaryAt] |= 0x80;
        }
        else
        {
            // Bit 1 is the top bit of the first hex character; the secondary bitmap is sixteen '0's.
            var first = Convert.ToByte(((char)message[primaryAt]).ToString(), 16);
            Assert.Equal(0, first & 0x8);
            result[primaryAt] = (byte)Convert.ToString(first | 0x8, 16).ToUpperInvariant()[0];
            result.AsSpan(secondaryAt, profile.BitmapBytes).Fill((byte)'0');
        }

        return result;
    }

    /// <summary>
    /// Where each field of a message written by the codec sits: the start of its length prefix (or value,
    /// when fixed), the start of its value and its end. Worked out from the specs alone.
    /// </summary>
    public static (int Field, int Start, int ValueStart, int End)[] Layout(GeneratedMessage message)
    {
        var position = message.Profile.MtiBytes + (message.Profile.BitmapBytes * (message.Fields.Any(f => f.Number > 64) ? 2 : 1));
        var layout = new (int, int, int, int)[message.Fields.Length];
        for (var i = 0; i < message.Fields.Length; i++)
        {
            var (field, value) = message.Fields[i];
            var spec = message.Profile[field]!;
            var valueStart = position + spec.PrefixBytes;
            var end = valueStart + spec.WireBytes(value.Length);
            layout[i] = (field, position, valueStart, end);
            position = end;
        }

        return layout;
    }
}
