using System.Runtime.CompilerServices;

namespace Switch.Protocol.Iso8583;

/// <summary>
/// Where each present field's value sits in the message: offset in the high 16 bits, byte length in
/// the low 16. Inline so that indexing a message allocates nothing.
/// </summary>
[InlineArray(IsoLimits.MaxField + 1)]
internal struct FieldSlots
{
    private uint _slot;
}
