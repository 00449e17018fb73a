using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Traffic.Generator.Recovery;

/// <summary>What a recovering terminal reads from an answer: which request it answers and how.</summary>
internal sealed record Answer(int Mti, long Stan, string ResponseCode, string? Rrn)
{
    /// <summary>The answer in <paramref name="bytes"/>; null when it cannot be read or lacks a STAN or field 39.</summary>
    public static Answer? Read(byte[] bytes, IsoProfile profile)
    {
        if (!IsoMessage.TryParse(bytes, profile, out var message, out _)
            || !message.TryGetInt64(11, out var stan)
            || message.Length(39) != 2)
        {
            return null;
        }

        return new Answer(message.Mti, stan, message.GetString(39), message.Has(37) ? message.GetString(37) : null);
    }

    public bool Answers(int requestMti, int stan) => Mti == requestMti + 10 && Stan == stan;
}
