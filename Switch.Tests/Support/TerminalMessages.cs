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
        Purchase(tid, stan, amount, new PurchaseOptions { Pan = pan, Expiry = expiry, Challenge = challengeId is null ? null : ChallengeStep(challengeId) });

    public static byte[] Purchase(string tid, int stan, long amount, PurchaseOptions options) =>
        FramedClient.Build(Iso87.Ascii, 200, (ref IsoMessageWriter w) =>
        {
            w.Write(2, options.Pan);
            w.WriteNumber(3, 0);
            w.WriteNumber(4, amount);
            w.WriteNumber(7, TransmissionTime);
            w.WriteNumber(11, stan);
            w.Write(14, options.Expiry);
            if (options.Mcc is not null)
            {
                w.Write(18, options.Mcc);
            }

            w.Write(41, tid);
            w.Write(42, options.Mid);
            w.Write(49, "156"u8);
            if (options.Challenge is not null)
            {
                w.Write(ChallengeTags.Field, options.Challenge);
            }
        });

    /// <summary>Field 62 for a challenge step: the challenge id and what the cardholder typed, if anything.</summary>
    public static byte[] ChallengeStep(string challengeId, string? phone = null, string? code = null, bool resend = false)
    {
        Span<byte> tlv = stackalloc byte[256];
        var field62 = new TlvWriter(tlv, ChallengeTags.Field);
        field62.Write(ChallengeTags.ChallengeId, challengeId);
        if (phone is not null)
        {
            field62.Write(ChallengeTags.PhoneNumber, phone);
        }

        if (code is not null)
        {
            field62.Write(ChallengeTags.OneTimeCode, code);
        }

        if (resend)
        {
            field62.Write(ChallengeTags.Resend, "1");
        }

        return tlv[..field62.Written].ToArray();
    }

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

    /// <summary>
    /// A batch close (0500) with the terminal's totals: sales are debits (76, 88), their reversals
    /// debit reversals (77, 89), credits (74, 75, 86, 87) zero; field 97 when given; <paramref name="omit"/>
    /// leaves one field out; <paramref name="mti"/> 501 is the repeat.
    /// </summary>
    public static byte[] Batch(string tid, int stan, BatchCount totals, string? netSettlement = null, int omit = 0, int mti = 500) =>
        FramedClient.Build(Iso87.Ascii, mti, (ref IsoMessageWriter w) =>
        {
            w.WriteNumber(7, TransmissionTime);
            w.WriteNumber(11, stan);
            w.Write(41, tid);
            w.Write(42, Mid);
            long[] values = [0, 0, totals.Sales, totals.Reversals, 0, 0, totals.SalesAmount, totals.ReversalsAmount];
            int[] fields = [74, 75, 76, 77, 86, 87, 88, 89];
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i] != omit)
                {
                    w.WriteNumber(fields[i], values[i]);
                }
            }

            if (netSettlement is not null)
            {
                w.Write(97, netSettlement);
            }
        });
}

/// <summary>What a terminal believes its batch holds: sales heard approved and reversals of them heard 00.</summary>
internal readonly record struct BatchCount(long Sales, long SalesAmount, long Reversals = 0, long ReversalsAmount = 0)
{
    public static BatchCount Empty => default;
}

/// <summary>How a test purchase differs from the plain one.</summary>
internal sealed record PurchaseOptions
{
    public string Pan { get; init; } = TerminalMessages.Pan;

    public string Expiry { get; init; } = "3012";

    public string Mid { get; init; } = TerminalMessages.Mid;

    /// <summary>Field 18, absent when null.</summary>
    public string? Mcc { get; init; }

    /// <summary>Field 62 as raw bytes, absent when null.</summary>
    public byte[]? Challenge { get; init; }
}
