namespace Switch.Actors.Risk.Conditions;

/// <summary>
/// Splits a condition into words (feature names, keywords, bare values such as <c>grocery</c> or
/// <c>M0001</c>), numbers, quoted text ("..." or '...', backslash escapes), comparison operators
/// and parentheses.
/// </summary>
internal sealed class ConditionLexer(string text)
{
    private int _position;

    public Token Next()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }

        var start = _position;
        if (_position == text.Length)
        {
            return new Token(TokenKind.End, start, string.Empty);
        }

        var c = text[_position];
        return c switch
        {
            '(' => Single(TokenKind.Open),
            ')' => Single(TokenKind.Close),
            '"' or '\'' => Quoted(c),
            '<' or '>' or '=' or '!' => Operator(),
            _ when char.IsAsciiDigit(c) || ((c is '-' or '+') && _position + 1 < text.Length && char.IsAsciiDigit(text[_position + 1])) => Number(),
            _ when IsWordStart(c) => Word(),
            _ => throw new ConditionSyntaxException(start, $"'{c}' cannot start anything here: expected a feature name, a value, an operator, 'and', 'or', 'not' or a parenthesis"),
        };
    }

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';

    private Token Single(TokenKind kind) => new(kind, _position, text[_position++].ToString());

    private Token Word()
    {
        var start = _position;
        while (_position < text.Length && IsWordPart(text[_position]))
        {
            _position++;
        }

        return new Token(TokenKind.Word, start, text[start.._position]);
    }

    private Token Number()
    {
        var start = _position++;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
        {
            _position++;
        }

        if (_position < text.Length && IsWordPart(text[_position]))
        {
            throw new ConditionSyntaxException(start, $"'{text[start..(_position + 1)]}' is neither a number nor a word (a word starts with a letter)");
        }

        return new Token(TokenKind.Number, start, text[start.._position]);
    }

    private Token Quoted(char quote)
    {
        var start = _position++;
        var value = new System.Text.StringBuilder();
        while (_position < text.Length && text[_position] != quote)
        {
            if (text[_position] == '\\' && _position + 1 < text.Length)
            {
                _position++;
            }

            value.Append(text[_position++]);
        }

        if (_position == text.Length)
        {
            throw new ConditionSyntaxException(start, $"the text starting here has no closing {quote}");
        }

        _position++;
        return new Token(TokenKind.Text, start, value.ToString());
    }

    private Token Operator()
    {
        // The whole run of operator characters, so "=>" or "==" is reported as written rather than split.
        var start = _position;
        while (_position < text.Length && text[_position] is '<' or '>' or '=' or '!')
        {
            _position++;
        }

        var op = text[start.._position];
        Comparison? comparison = op switch
        {
            "<" => Comparison.Less,
            "<=" => Comparison.LessOrEqual,
            ">" => Comparison.Greater,
            ">=" => Comparison.GreaterOrEqual,
            "=" => Comparison.Equal,
            "!=" => Comparison.NotEqual,
            _ => null,
        };
        return comparison is { } known
            ? new Token(TokenKind.Operator, start, op, known)
            : throw new ConditionSyntaxException(start, $"'{op}' is not an operator: use <, <=, >, >=, = or !=");
    }
}
