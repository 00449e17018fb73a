using Switch.Tests.Support;
using Switch.Traffic.Cli;

namespace Switch.Tests.Traffic.Sms;

public sealed class SmsSinkCommandTests
{
    [Theory]
    [InlineData("--listen", "nonsense")]
    [InlineData("--listen", "127.0.0.1")]
    [InlineData("--listen", "127.0.0.1:0", "--secret", "")]
    [InlineData("--secret", "s")]
    public async Task Bad_arguments_exit_2(params string[] arguments) =>
        Assert.Equal(Usage.BadArguments, await TrafficCli.InvokeAsync(["sms-sink", .. arguments]));

    [Fact]
    public async Task An_address_in_use_exits_1()
    {
        using var taken = new LoopbackListener();

        Assert.Equal(SmsSinkCommand.CannotListen, await TrafficCli.InvokeAsync(["sms-sink", "--listen", taken.EndPoint.ToString()]));
    }
}
