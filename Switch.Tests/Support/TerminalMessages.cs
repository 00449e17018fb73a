using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;
using Switch.Protocol.Iso8583.Tlv;

namespace Switch.Tests.Support;

/// <summary>What a POS terminal sends, in the terminal port's default dialect (iso87-ascii).</summary>
internal static class TerminalMessages
{
    public const string Pan = "4761739001010010";
    public const string Mid = "M00000000000001";

    /// <summary>Field 7 of every request built here unless told otherwise (MMDDhhmmss).</summary>
    public const long TransmissionTime = 1129120000;

    public static byte[] NetworkManagement(string tid, int stan, int code) =>
        FramedClient.Build(Iso87.Ascii, 800, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(7, TransmissionTime);
            w.WriteNumber(11, stan);
            w.Write(41, tid);
            w.WriteNumber(70, code);
        });

    public static byte[] SignOn(string tid, int stan) => NetworkManagement(tid, stan, code: 1);

    /// <summary>
    /// An 0200 purchase; change one field with <paramref name="pan"/> or <paramref name="expiry"/> to
    /// break a rule, or name a challenge in field 62 (tag CI) to continue a challenged transaction.
    /// </summary>
    public static byte[] Purchase(string tid, int stan, long amount, string pan = Pan, string expiry = "3012", string? challengeId = null) =>
        FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.Write(2, pan);
            w.WriteNumber(3, 0);
            w.WriteNumber(4, amount);
            w.WriteNumber(7, TransmissionTime);
            w.WriteNumber(11, stan);
            w.Write(14, expiry);
            w.Write(41, tid);
            w.Write(42, Mid);
            w.Write(49, "156"u8);
            if (challengeId is not null)
            {
                Span<byte> tlv = stackalloc byte[TlvReader.HeaderLength + challengeId.Length];
                var field62 = new TlvWriter(tlv, ChallengeTags.Field);
                field62.Write(ChallengeTags.ChallengeId, challengeId);
                w.Write(ChallengeTags.Field, tlv[..field62.Written]);
            }
        });

    /// <summary>
    /// A reversal as terminals send it: the original's fields but no card data, with field 90 when
    /// given (else the switch finds the original by this message's STAN).
    /// </summary>
    public static byte[] Reversal(string tid, int stan, long amount, string? field90 = null, int mti = 400, long sent = TransmissionTime) =>
        FramedClient.Build(Iso87.Ascii, mti, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(3, 0);
            w.WriteNumber(4, amount);
            w.WriteNumber(7, sent);
            w.WriteNumber(11, stan);
            w.Write(41, tid);
            w.Write(42, Mid);
            w.Write(49, "156"u8);
            if (field90 is not null)
            {
                w.Write(90, field90);
            }
        });
}
