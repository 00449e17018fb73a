namespace Switch.Protocol.Iso8583.Specs;

/// <summary>ISO 8583 content types: what characters a field's value may hold.</summary>
public enum ContentType
{
    /// <summary>n: digits only.</summary>
    Numeric,
    /// <summary>an: letters and digits (validated as printable bytes, as jPOS does not police it).</summary>
    AlphaNumeric,
    /// <summary>ans: letters, digits and specials.</summary>
    AlphaNumericSpecial,
    /// <summary>b: raw bytes.</summary>
    Binary,
    /// <summary>z: track data, digits with '=' (or 'D') as the field separator.</summary>
    Track,
    /// <summary>x+n: 'C' (credit) or 'D' (debit) followed by digits, as in fields 28–31 and 97.</summary>
    SignedAmount,
}
