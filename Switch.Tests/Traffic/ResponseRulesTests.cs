using Switch.Traffic.Acquirer;

namespace Switch.Tests.Traffic;

public sealed class ResponseRulesTests
{
    [Theory]
    [InlineData(1051, "51")]
    [InlineData(51, "51")]
    [InlineData(1005, "05")]
    [InlineData(5, "05")]
    [InlineData(1000, "00")]
    [InlineData(1234, "00")]
    public void Amount_endings_decide_the_answer(long amount, string code)
    {
        var decision = new ResponseRules().Decide(amount);
        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.Equal(code, decision.ResponseCode);
    }

    [Fact]
    public void Amounts_ending_in_91_are_never_answered() =>
        Assert.Equal(DecisionKind.Silence, new ResponseRules().Decide(10091).Kind);

    [Fact]
    public void Amount_rules_win_over_faults()
    {
        var rules = new ResponseRules(approvalRate: 0, dropRate: 0.5, disconnectRate: 0.5);
        Assert.Equal("51", rules.Decide(251).ResponseCode);
    }

    [Fact]
    public void Fault_rates_of_one_always_fault()
    {
        Assert.Equal(DecisionKind.Disconnect, new ResponseRules(disconnectRate: 1).Decide(100).Kind);
        Assert.Equal(DecisionKind.Silence, new ResponseRules(dropRate: 1).Decide(100).Kind);
        Assert.Equal("05", new ResponseRules(approvalRate: 0).Decide(100).ResponseCode);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run()
    {
        static string Run(int seed)
        {
            var rules = new ResponseRules(approvalRate: 0.7, dropRate: 0.1, disconnectRate: 0.05, seed: seed);
            return string.Concat(Enumerable.Range(0, 200).Select(i => rules.Decide(100 + (i * 100)) switch
            {
                { Kind: DecisionKind.Disconnect } => "x",
                { Kind: DecisionKind.Silence } => "-",
                { ResponseCode: "00" } => "a",
                _ => "d",
            }));
        }

        var first = Run(42);
        Assert.Equal(first, Run(42));
        Assert.NotEqual(first, Run(43));
        Assert.Contains("x", first, StringComparison.Ordinal);
        Assert.Contains("-", first, StringComparison.Ordinal);
        Assert.Contains("d", first, StringComparison.Ordinal);
    }
}
