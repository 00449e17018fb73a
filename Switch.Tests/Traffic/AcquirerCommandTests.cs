using System.Globalization;
using Switch.Tests.Support;
using Switch.Traffic.Cli;

namespace Switch.Tests.Traffic;

public sealed class AcquirerCommandTests
{
    [Fact]
    public async Task A_listen_port_already_in_use_exits_1_with_no_stack_trace()
    {
        using var taken = new LoopbackListener();
        using var errors = new StringWriter();

        var exitCode = await TrafficCli.InvokeAsync(["acquirer", "--listen", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{taken.EndPoint.Port}")], errors);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("Exception", errors.ToString(), StringComparison.Ordinal);
    }
}
