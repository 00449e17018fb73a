using System.Globalization;

namespace Switch.Actors.Risk.Conditions;

/// <summary>
/// Recursive descent over: <c>or := and ('or' and)*</c>, <c>and := unary ('and' unary)*</c>,
/// <c>unary := 'not' unary | '(' or ')' | feature operator value</c>. Feature names are resolved
/// to slots here, so a misspelt one fails at start-up rather than never matching.
/// </summary>
internal sealed class ConditionParser
{
    /// <summary>Nesting deeper than any sensible rule; it bounds the recursion of parsing and evaluating.</summary>
    private const int MaxDepth = 32;

    private readonly ConditionLexer _lexer;
    private Token _current;
    private int _depth;

    private ConditionParser(string text)
    {
        _lexer = new ConditionLexer(text);
        _current = _lexer.Next();
    }

    public static ConditionNode Parse(string text)
    {
        var parser = new ConditionParser(text);
        var condition = parser.AnyOf();
        return parser._current.Kind == TokenKind.End ? condition : throw parser.Expected("'and', 'or' or the end of the condition");
    }

    private ConditionNode AnyOf()
    {
        var terms = new List<ConditionNode> { AllOf() };
        while (_current.IsKeyword("or"))
        {
            Advance();
            terms.Add(AllOf());
        }

        return terms.Count == 1 ? terms[0] : new AnyOf([.. terms]);
    }

    private ConditionNode AllOf()
    {
        var terms = new List<ConditionNode> { Unary() };
        while (_current.IsKeyword("and"))
        {
            Advance();
            terms.Add(Unary());
        }

        return terms.Count == 1 ? terms[0] : new AllOf([.. terms]);
    }

    private ConditionNode Unary()
    {
        if (_current.IsKeyword("not"))
        {
            Enter();
            Advance();
            var negated = new Negation(Unary());
            _depth--;
            return negated;
        }

        if (_current.Kind == TokenKind.Open)
        {
            Enter();
            Advance();
            var inner = AnyOf();
            if (_current.Kind != TokenKind.Close)
            {
                throw Expected("')'");
            }

            Advance();
            _depth--;
            return inner;
        }

        return Comparison();
    }

    private ConditionNode Comparison()
    {
        if (_current.Kind != TokenKind.Word || _current.IsAnyKeyword)
        {
            throw Expected("a feature name, 'not' or '('");
        }

        var name = _current;
        if (!FeatureCatalog.TryFind(name.Value, out var feature))
        {
            throw new ConditionSyntaxException(name.Start, $"'{name.Value}' is not a feature (the risk block of switch.conf lists them)");
        }

        Advance();
        if (_current.Kind != TokenKind.Operator)
        {
            throw Expected($"an operator (<, <=, >, >=, =, !=) after '{name.Value}'");
        }

        var op = _current;
        Advance();
        var value = _current;
        if (feature.Kind == FeatureKind.Number)
        {
            if (value.Kind != TokenKind.Number ||
                !double.TryParse(value.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                throw Expected($"a number to compare '{name.Value}' with");
            }

            Advance();
            return new NumberComparison(feature.Index, op.Operator, number);
        }

        if (op.Operator is not (Conditions.Comparison.Equal or Conditions.Comparison.NotEqual))
        {
            throw new ConditionSyntaxException(op.Start, $"'{name.Value}' is text: compare it with = or != only");
        }

        if (value.Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.Text))
        {
            throw Expected($"a word or quoted text to compare '{name.Value}' with");
        }

        Advance();
        return new TextComparison(feature.Index, op.Operator == Conditions.Comparison.Equal, value.Value);
    }

    private void Advance() => _current = _lexer.Next();

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ConditionSyntaxException(_current.Start, $"nested more than {MaxDepth} deep");
        }
    }

    private ConditionSyntaxException Expected(string what) => new(_current.Start, $"expected {what} but found {_current.Describe()}");
}
