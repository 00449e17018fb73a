namespace Switch.Actors.Risk.Conditions;

internal enum TokenKind
{
    Word,
    Number,
    Text,
    Operator,
    Open,
    Close,
    End,
}

/// <summary>One token of a condition; <see cref="Value"/> is a quoted text's content, else the token as written.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, string Value, Comparison Operator = default)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Word && Value.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsAnyKeyword => IsKeyword("and") || IsKeyword("or") || IsKeyword("not");

    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the condition",
        TokenKind.Text => $"\"{Value}\"",
        _ => $"'{Value}'",
    };
}
