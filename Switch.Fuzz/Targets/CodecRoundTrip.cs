using Switch.Protocol.Iso8583;
using Switch.Protocol.Iso8583.Specs;

namespace Switch.Fuzz.Targets;

/// <summary>
/// The codec on arbitrary bytes. A refused message must be refused by <c>Parse</c> too, with the same
/// located error and only as <see cref="IsoFormatException"/>. An accepted one must be readable in
/// full (every value, number, TLV and the masked form), and must survive the trip back: written from
/// its values and parsed again it has the same MTI, fields and values; written once more, the same
/// bytes (the writer's form is canonical); copied field by field, the same values again.
/// </summary>
internal sealed class CodecRoundTrip(string name, IsoProfile profile) : IFuzzTarget
{
    private readonly byte[] _written = new byte[IsoLimits.MaxMessageLength];
    private readonly byte[] _rewritten = new byte[IsoLimits.MaxMessageLength];
    private readonly byte[] _value = new byte[IsoLimits.MaxMessageLength];
    private readonly byte[] _other = new byte[IsoLimits.MaxMessageLength];

    public string Name => name;

    public int MaxInput => 4096;

    public void Run(ReadOnlySpan<byte> input)
    {
        if (!IsoMessage.TryParse(input, profile, out var message, out var error))
        {
            CheckRefusal(input, error);
            return;
        }

        ReadEveryField(in message);
        var written = _written.AsSpan(0, WriteValues(in message, _written));
        var reparsed = Reparse(written, "written from its values");
        CheckSameValues(in message, in reparsed, "written from its values");

        var rewritten = _rewritten.AsSpan(0, WriteValues(in reparsed, _rewritten));
        if (!rewritten.SequenceEqual(written))
        {
            throw new FuzzFindingException($"writing the re-parsed message changed its bytes: {Convert.ToHexString(written)} then {Convert.ToHexString(rewritten)}");
        }

        var copied = Reparse(_rewritten.AsSpan(0, WriteCopies(in message, _rewritten)), "copied field by field");
        CheckSameValues(in message, in copied, "copied field by field");
    }

    private void CheckRefusal(ReadOnlySpan<byte> input, IsoError error)
    {
        if (error.Offset < 0 || error.Offset > input.Length || error.Field < 0 || error.Field > IsoLimits.MaxField)
        {
            throw new FuzzFindingException($"error outside the message ({input.Length} bytes): {error}");
        }

        try
        {
            IsoMessage.Parse(input, profile);
        }
        catch (IsoFormatException ex) when (ex.Error.Kind == error.Kind && ex.Error.Field == error.Field && ex.Error.Offset == error.Offset)
        {
            return;
        }

        throw new FuzzFindingException($"Parse accepted what TryParse refused ({error})");
    }

    private void ReadEveryField(in IsoMessage message)
    {
        foreach (var field in message.Fields)
        {
            var spec = profile[field]!;
            var value = _value.AsSpan(0, message.CopyValue(field, _value));
            if (value.Length != message.Length(field) || !message.ValueEquals(field, value))
            {
                throw new FuzzFindingException($"field {field}: its value does not equal itself");
            }

            _ = message.GetString(field);
            if (spec.Type == ContentType.Numeric && value.Length <= 18 && !message.TryGetInt64(field, out _))
            {
                throw new FuzzFindingException($"field {field}: {value.Length} digits do not read as a number");
            }

            if (spec.Sensitivity == Sensitivity.ChallengeTlv)
            {
                _ = message.Tlv(field).Validate();
            }
        }

        _ = message.ToString();
    }

    private int WriteValues(in IsoMessage message, byte[] destination)
    {
        var writer = new IsoMessageWriter(destination, profile, message.Mti);
        foreach (var field in message.Fields)
        {
            writer.Write(field, _value.AsSpan(0, message.CopyValue(field, _value)));
        }

        return writer.Complete();
    }

    private int WriteCopies(in IsoMessage message, byte[] destination)
    {
        var writer = new IsoMessageWriter(destination, profile, message.Mti);
        foreach (var field in message.Fields)
        {
            writer.Copy(in message, field);
        }

        return writer.Complete();
    }

    private IsoMessage Reparse(ReadOnlySpan<byte> bytes, string how) =>
        IsoMessage.TryParse(bytes, profile, out var message, out var error)
            ? message
            : throw new FuzzFindingException($"the message {how} does not parse: {error}");

    private void CheckSameValues(in IsoMessage original, in IsoMessage other, string how)
    {
        if (original.Mti != other.Mti)
        {
            throw new FuzzFindingException($"the message {how} has MTI {other.Mti:D4}, not {original.Mti:D4}");
        }

        var theirs = other.Fields;
        foreach (var field in original.Fields)
        {
            if (!theirs.MoveNext() || theirs.Current != field)
            {
                throw new FuzzFindingException($"the message {how} lost or gained a field at {field}");
            }

            var mine = _value.AsSpan(0, original.CopyValue(field, _value));
            var copy = _other.AsSpan(0, other.CopyValue(field, _other));
            if (!mine.SequenceEqual(copy))
            {
                throw new FuzzFindingException($"the message {how} changed field {field}");
            }
        }

        if (theirs.MoveNext())
        {
            throw new FuzzFindingException($"the message {how} gained field {theirs.Current}");
        }
    }
}
