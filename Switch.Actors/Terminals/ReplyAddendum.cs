namespace Switch.Actors.Terminals;

/// <summary>A field the switch adds to a terminal's answer: 62 (challenge step) or 63 (receipt message).</summary>
public readonly record struct ReplyAddendum(int Field, ReadOnlyMemory<byte> Value)
{
    public static ReplyAddendum ChallengeStep(byte[] tlv) => new(62, tlv);

    public static ReplyAddendum Receipt(string text) => new(63, System.Text.Encoding.ASCII.GetBytes(text));
}
