using System.Buffers;
using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Tests.Protocol.Iso8583;

/// <summary>
/// Three messages (0800 sign-on, 0200 purchase, 0210 challenge response) with their field values,
/// and each one's bytes in both profiles, derived by hand from the ISO 8583:1987 field table and
/// jPOS's ISO87APackagerBBitmap / ISO87BPackager field packagers.
/// </summary>
internal static class Vectors
{
    public const string Pan = "4761739001010010";
    public const string Track2 = "4761739001010010=2812";
    public static readonly byte[] PinBlock = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08];
    public const string ChallengeTlv = "CI008C0000001ST003OTPMP011138****5678AL0013EX003300";

    // Bitmaps are the same in both profiles: both packagers use jPOS IFB_BITMAP (binary).
    // Bit n is bit (8 - ((n - 1) % 8)) of byte (n - 1) / 8, counting bits 1..8 from the left.
    //   0800: bit 1 (secondary present) 0x80 + bit 7 0x02 = 0x82 | bit 11 = 0x20 | bit 41 = 0x80 in byte 5;
    //         secondary bit 70 = field 6 of the second map = 0x04 in its byte 0.
    private static readonly byte[] Bitmap0800 = [0x82, 0x20, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    //   0200: byte0 bits 2,3,4,7 = 0x40+0x20+0x10+0x02 = 0x72; byte1 bits 11,14 = 0x20+0x04 = 0x24;
    //         byte2 bit 22 = 0x04; byte3 bit 25 = 0x80; byte4 bit 35 = 0x20; byte5 bits 41,42 = 0xC0;
    //         byte6 bits 49,52 = 0x80+0x10 = 0x90; byte7 none.
    private static readonly byte[] Bitmap0200 = [0x72, 0x24, 0x04, 0x80, 0x20, 0xC0, 0x90, 0x00];

    //   0210: byte0 bits 3,4,7 = 0x32; byte1 bit 11 = 0x20; byte4 bits 37,39 = 0x08+0x02 = 0x0A;
    //         byte5 bit 41 = 0x80; byte6 bit 49 = 0x80; byte7 bit 62 = 0x04.
    private static readonly byte[] Bitmap0210 = [0x32, 0x20, 0x00, 0x00, 0x0A, 0x80, 0x80, 0x04];

    /// <summary>0800 sign-on, iso87-ascii: 4 + 16 + 10 + 6 + 8 + 3 = 47 bytes.</summary>
    public static byte[] SignOnAscii =>
    [
        .. "0800"u8,            // MTI: IFA_NUMERIC 4
        .. Bitmap0800,          // primary + secondary
        .. "1129120000"u8,      // 7  n10 MMDDhhmmss, IFA_NUMERIC
        .. "000001"u8,          // 11 n6 STAN
        .. "T0000001"u8,        // 41 ans8 TID, IF_CHAR
        .. "001"u8,             // 70 n3 network management code: sign-on
    ];

    /// <summary>0800 sign-on, iso87-binary: 2 + 16 + 5 + 3 + 8 + 2 = 36 bytes.</summary>
    public static byte[] SignOnBinary =>
    [
        0x08, 0x00,                         // MTI: IFB_NUMERIC 4, two BCD bytes
        .. Bitmap0800,
        0x11, 0x29, 0x12, 0x00, 0x00,       // 7  n10 as 5 BCD bytes
        0x00, 0x00, 0x01,                   // 11 n6 as 3 BCD bytes
        .. "T0000001"u8,                    // 41 IF_CHAR stays ASCII
        0x00, 0x01,                         // 70 n3: odd, so left-padded with a 0 nibble: 0 001
    ];

    /// <summary>0200 purchase, iso87-ascii: 12 + 18 + 6 + 12 + 10 + 6 + 4 + 3 + 2 + 23 + 8 + 15 + 3 + 16 = 138 bytes.</summary>
    public static byte[] PurchaseAscii =>
    [
        .. "0200"u8,
        .. Bitmap0200,
        .. "16"u8, .. "4761739001010010"u8, // 2  n..19 IFA_LLNUM: 2 ASCII length digits, 16 digits
        .. "000000"u8,                      // 3  n6 processing code: purchase
        .. "000000001234"u8,                // 4  n12 amount 12.34 in minor units, zero-filled on the left
        .. "1129120000"u8,                  // 7  n10
        .. "000123"u8,                      // 11 n6 STAN 123
        .. "2812"u8,                        // 14 n4 expiry YYMM
        .. "051"u8,                         // 22 n3 entry mode: chip
        .. "00"u8,                          // 25 n2 condition code
        .. "21"u8, .. "4761739001010010=2812"u8, // 35 z..37 IFA_LLNUM: 21 characters
        .. "T0000001"u8,                    // 41 ans8
        .. "M00000000000001"u8,             // 42 ans15
        .. "156"u8,                         // 49 currency, IF_CHAR 3
        .. "0102030405060708"u8,            // 52 b8 PIN block, IFA_BINARY: 8 bytes as 16 hex characters
    ];

    /// <summary>0200 purchase, iso87-binary: 2 + 8 + 9 + 3 + 6 + 5 + 3 + 2 + 2 + 1 + 12 + 8 + 15 + 3 + 8 = 87 bytes.</summary>
    public static byte[] PurchaseBinary =>
    [
        0x02, 0x00,
        .. Bitmap0200,
        0x16, 0x47, 0x61, 0x73, 0x90, 0x01, 0x01, 0x00, 0x10, // 2  IFB_LLNUM: 1 BCD length byte (16), 8 BCD bytes
        0x00, 0x00, 0x00,                                     // 3
        0x00, 0x00, 0x00, 0x00, 0x12, 0x34,                   // 4  n12 as 6 BCD bytes
        0x11, 0x29, 0x12, 0x00, 0x00,                         // 7
        0x00, 0x01, 0x23,                                     // 11
        0x28, 0x12,                                           // 14
        0x00, 0x51,                                           // 22 n3 left-padded: 0 051
        0x00,                                                 // 25
        0x21, 0x47, 0x61, 0x73, 0x90, 0x01, 0x01, 0x00, 0x10, 0xD2, 0x81, 0x20, // 35 21 digits; '=' is nibble D; odd, so right-padded with 0 (IFB_LLNUM, pad=false)
        .. "T0000001"u8,
        .. "M00000000000001"u8,
        .. "156"u8,
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,       // 52 IFB_BINARY 8: raw
    ];

    /// <summary>0210 challenge (1A) response, iso87-ascii: 12 + 6 + 12 + 10 + 6 + 12 + 2 + 8 + 3 + 3 + 51 = 125 bytes.</summary>
    public static byte[] ChallengeResponseAscii =>
    [
        .. "0210"u8,
        .. Bitmap0210,
        .. "000000"u8,                      // 3
        .. "000000001234"u8,                // 4
        .. "1129120000"u8,                  // 7
        .. "000123"u8,                      // 11
        .. "333412000001"u8,                // 37 an12 RRN
        .. "1A"u8,                          // 39 an2 response code: additional authentication required
        .. "T0000001"u8,                    // 41
        .. "156"u8,                         // 49
        .. "051"u8, .. ChallengeTlvBytes,   // 62 ans...999 IFA_LLLCHAR: 3 ASCII length digits, then the TLV
    ];

    /// <summary>0210 challenge response, iso87-binary: 2 + 8 + 3 + 6 + 5 + 3 + 12 + 2 + 8 + 3 + 2 + 51 = 105 bytes.</summary>
    public static byte[] ChallengeResponseBinary =>
    [
        0x02, 0x10,
        .. Bitmap0210,
        0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x12, 0x34,
        0x11, 0x29, 0x12, 0x00, 0x00,
        0x00, 0x01, 0x23,
        .. "333412000001"u8,
        .. "1A"u8,
        .. "T0000001"u8,
        .. "156"u8,
        0x00, 0x51, .. ChallengeTlvBytes,   // 62 IFB_LLLCHAR: 2 BCD length bytes (0051), ASCII value
    ];

    // CI 8 "C0000001" | ST 3 "OTP" | MP 11 "138****5678" | AL 1 "3" | EX 3 "300" = 13 + 8 + 16 + 6 + 8 = 51.
    private static byte[] ChallengeTlvBytes => "CI008C0000001ST003OTPMP011138****5678AL0013EX003300"u8.ToArray();

    public static byte[] WriteSignOn(IsoProfile profile)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new IsoMessageWriter(output, profile, 800);
        writer.WriteNumber(7, 1129120000);
        writer.WriteNumber(11, 1);
        writer.Write(41, "T0000001");
        writer.WriteNumber(70, 1);
        writer.Complete();
        return output.WrittenSpan.ToArray();
    }

    public static byte[] WritePurchase(IsoProfile profile)
    {
        var output = new ArrayBufferWriter<byte>();
        WritePurchase(output, profile);
        return output.WrittenSpan.ToArray();
    }

    public static void WritePurchase(IBufferWriter<byte> output, IsoProfile profile)
    {
        var writer = new IsoMessageWriter(output, profile, 200);
        writer.Write(2, "4761739001010010"u8);
        writer.WriteNumber(3, 0);
        writer.WriteNumber(4, 1234);
        writer.WriteNumber(7, 1129120000);
        writer.WriteNumber(11, 123);
        writer.Write(14, "2812"u8);
        writer.Write(22, "051"u8);
        writer.Write(25, "00"u8);
        writer.Write(35, "4761739001010010=2812"u8);
        writer.Write(41, "T0000001"u8);
        writer.Write(42, "M00000000000001"u8);
        writer.Write(49, "156"u8);
        writer.Write(52, PinBlock);
        writer.Complete();
    }

    /// <summary>The 0210 built the way the switch builds a reply: echo fields from the request, add its own.</summary>
    public static void WriteChallengeResponse(IBufferWriter<byte> output, in IsoMessage request)
    {
        var writer = new IsoMessageWriter(output, request.Profile, request.Mti + 10);
        writer.Copy(in request, 3);
        writer.Copy(in request, 4);
        writer.Copy(in request, 7);
        writer.Copy(in request, 11);
        writer.Write(37, "333412000001"u8);
        writer.Write(39, "1A"u8);
        writer.Copy(in request, 41);
        writer.Copy(in request, 49);
        var tlv = new TlvWriter(writer.BeginField(ChallengeTags.Field), ChallengeTags.Field);
        tlv.Write(ChallengeTags.ChallengeId, "C0000001"u8);
        tlv.Write(ChallengeTags.Step, ChallengeTags.StepOtp);
        tlv.Write(ChallengeTags.MaskedPhone, "138****5678"u8);
        tlv.Write(ChallengeTags.AttemptsLeft, 3);
        tlv.Write(ChallengeTags.ExpiresIn, 300);
        writer.EndField(tlv.Written);
        writer.Complete();
    }
}
