using CsCheck;
using Switch.Actors.Risk;
using Switch.Actors.Risk.Conditions;
using Switch.Tests.Support;
using static Switch.Tests.Actors.Risk.RiskTestSettings;

namespace Switch.Tests.Actors.Risk;

public sealed class ConditionTests
{
    /// <summary>amount 1500, hour 12, terminal_count_1m 5, terminal_count_1h 50, grocery, CN card at a CN merchant.</summary>
    private static readonly RiskFeatures Sample = FeatureExtractor.Extract(
        Input(1500, terminal: new TerminalVelocity(new ActivityTotals(4, 0), new ActivityTotals(49, 0))),
        RiskTestSettings.Features);

    [Theory]
    [InlineData("amount > 1000", true)]
    [InlineData("amount < 1000", false)]
    [InlineData("amount >= 1500", true)]
    [InlineData("amount <= 1499.99", false)]
    [InlineData("amount = 1500", true)]
    [InlineData("amount != 1500", false)]
    [InlineData("amount > -1", true)]
    [InlineData("mcc_group = grocery", true)]
    [InlineData("mcc_group = GROCERY", true)]
    [InlineData("mcc_group != grocery", false)]
    [InlineData("mcc_group = \"grocery\"", true)]
    [InlineData("mcc_group = 'fuel'", false)]
    [InlineData("mcc = 5411", true)]
    [InlineData("card_country = cn", true)]
    [InlineData("merchant_country = \"C\\\"N\"", false)]
    [InlineData("amount > 1000 and hour = 12", true)]
    [InlineData("amount > 1000 and hour = 13", false)]
    [InlineData("amount > 9999 or hour = 12", true)]
    [InlineData("not amount > 9999", true)]
    [InlineData("not not amount > 9999", false)]
    [InlineData("amount > 9999 or hour = 12 and terminal_count_1m = 5", true)]
    [InlineData("(amount > 9999 or hour = 12) and terminal_count_1m = 6", false)]
    [InlineData("amount > 9999 or hour = 12 and terminal_count_1m = 6", false)]
    [InlineData("not (amount > 9999 or hour = 13)", true)]
    [InlineData("  amount>1000 AND hour=12  ", true)]
    [InlineData("terminal_count_1h = 50 And Not (mcc_group = fuel Or mcc_group = cash)", true)]
    public void Comparisons_and_connectives_match_as_written(string text, bool expected) =>
        Assert.Equal(expected, Condition.Parse(text).Matches(Sample));

    [Theory]
    [InlineData("", 0, "expected a feature name, 'not' or '(' but found the end of the condition")]
    [InlineData("amount", 6, "expected an operator (<, <=, >, >=, =, !=) after 'amount' but found the end of the condition")]
    [InlineData("amount >", 8, "expected a number to compare 'amount' with but found the end of the condition")]
    [InlineData("amount > big", 9, "expected a number to compare 'amount' with but found 'big'")]
    [InlineData("amount > \"5\"", 9, "expected a number to compare 'amount' with but found \"5\"")]
    [InlineData("amont > 5", 0, "'amont' is not a feature")]
    [InlineData("amount > 5 and", 14, "expected a feature name, 'not' or '(' but found the end of the condition")]
    [InlineData("amount > 5 hour = 3", 11, "expected 'and', 'or' or the end of the condition but found 'hour'")]
    [InlineData("(amount > 5", 11, "expected ')' but found the end of the condition")]
    [InlineData("amount > 5)", 10, "expected 'and', 'or' or the end of the condition but found ')'")]
    [InlineData("amount => 5", 7, "'=>' is not an operator")]
    [InlineData("amount == 5", 7, "'==' is not an operator")]
    [InlineData("amount >= = 5", 10, "expected a number to compare 'amount' with but found '='")]
    [InlineData("mcc_group > grocery", 10, "'mcc_group' is text: compare it with = or != only")]
    [InlineData("mcc_group = \"grocery", 12, "has no closing \"")]
    [InlineData("amount > 5 & hour = 1", 11, "'&' cannot start anything here")]
    [InlineData("amount > 12ab", 9, "'12a' is neither a number nor a word")]
    [InlineData("amount > 1.2.3", 9, "expected a number to compare 'amount' with but found '1.2.3'")]
    [InlineData("and > 5", 0, "expected a feature name, 'not' or '(' but found 'and'")]
    public void A_mistake_is_reported_with_its_column_and_what_was_expected(string text, int position, string problem)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.StartsWith($"at column {position + 1}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = new string('(', 40) + "amount > 1" + new string(')', 40);

        var error = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(deep));

        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
        Assert.True(Condition.Parse(new string('(', 20) + "amount > 1" + new string(')', 20)).Matches(Sample));
    }

    [Fact]
    public void Matching_allocates_nothing()
    {
        var condition = Condition.Parse("(amount > 1000 and not mcc_group = fuel) or card_country != 'CN' or hour >= 22");

        Assert.Equal(0, Allocations.Steady(() => condition.Matches(Sample)));
    }

    [Fact]
    public void The_text_is_kept_as_written() =>
        Assert.Equal("amount > 5 and night = 1", Condition.Parse("  amount > 5 and night = 1 ").ToString());

    [Fact]
    public void Any_input_either_parses_or_is_a_syntax_error()
    {
        var pieces = Gen.OneOf("amount", "hour", "mcc_group", "grocery", "and", "or", "not", "(", ")", "<", "<=", ">", ">=", "=", "!=", "!", "5", "-3", "1.5", "\"x\"", "'", " ", "&", "é", "zz");
        pieces.Array[0, 12].Select(parts => string.Concat(parts)).Sample(
            text =>
            {
                try
                {
                    Condition.Parse(text).Matches(Sample);
                }
                catch (ConditionSyntaxException ex)
                {
                    Assert.InRange(ex.Position, 0, text.Length);
                }
            },
            iter: 5000);
    }

    /// <summary>A condition tree the test evaluates by itself, to check the parser's precedence and grouping against.</summary>
    private abstract record Tree
    {
        public abstract bool Eval(double amount, double hour);

        public abstract string Print(int parentPrecedence);
    }

    private sealed record Leaf(string Feature, string Op, int Value) : Tree
    {
        public override bool Eval(double amount, double hour)
        {
            var v = Feature == "amount" ? amount : hour;
            return Op switch { "<" => v < Value, "<=" => v <= Value, ">" => v > Value, ">=" => v >= Value, "=" => v == Value, _ => v != Value };
        }

        public override string Print(int parentPrecedence) => $"{Feature} {Op} {Value}";
    }

    private sealed record Not(Tree Term) : Tree
    {
        public override bool Eval(double amount, double hour) => !Term.Eval(amount, hour);

        public override string Print(int parentPrecedence) => $"not {Term.Print(3)}";
    }

    private sealed record Binary(bool IsAnd, Tree Left, Tree Right) : Tree
    {
        public override bool Eval(double amount, double hour) => IsAnd ? Left.Eval(amount, hour) && Right.Eval(amount, hour) : Left.Eval(amount, hour) || Right.Eval(amount, hour);

        /// <summary>Parentheses only where precedence needs them, so the parser's precedence is what is tested.</summary>
        public override string Print(int parentPrecedence)
        {
            var precedence = IsAnd ? 2 : 1;
            var text = $"{Left.Print(precedence)} {(IsAnd ? "and" : "or")} {Right.Print(precedence + 1)}";
            return precedence < parentPrecedence ? $"({text})" : text;
        }
    }

    private static readonly Gen<Tree> Leaves = Gen.Select(Gen.OneOf("amount", "hour"), Gen.OneOf("<", "<=", ">", ">=", "=", "!="), Gen.Int[0, 24], (f, o, v) => (Tree)new Leaf(f, o, v));

    private static Gen<Tree> Trees(int depth) => depth == 0
        ? Leaves
        : Gen.Frequency(
            (2, Leaves),
            (1, Trees(depth - 1).Select(t => (Tree)new Not(t))),
            (3, Gen.Select(Gen.Bool, Trees(depth - 1), Trees(depth - 1), (and, l, r) => (Tree)new Binary(and, l, r))));

    [Fact]
    public void Parsed_conditions_agree_with_a_reference_evaluation_of_not_and_or() =>
        Gen.Select(Trees(4), Gen.Int[0, 24], Gen.Int[0, 23]).Sample(
            sample =>
            {
                var (tree, amount, hour) = sample;
                var features = FeatureExtractor.Extract(Input(amount, now: Noon.AddHours(hour - 12)), RiskTestSettings.Features);
                Assert.Equal(tree.Eval(amount, hour), Condition.Parse(tree.Print(0)).Matches(features));
            },
            iter: 3000,
            print: sample => $"{sample.Item1.Print(0)} with amount {sample.Item2}, hour {sample.Item3}");
}
