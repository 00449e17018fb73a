using Switch.Host.Cli;
using Switch.Tests.Support;
using Switch.Traffic.Cli;

namespace Switch.Tests.Host.Tls;

/// <summary>The TLS options of `Switch.Host run` and of the simulator and generator: a certificate that cannot be used exits 2, naming what to fix.</summary>
public sealed class TlsCommandLineTests : IDisposable
{
    private readonly NodeConfig _config = NodeConfig.WithNewDatabase();
    private readonly TlsFiles _files = new();

    public void Dispose()
    {
        _config.Delete();
        _files.Dispose();
    }

    [Fact]
    public async Task Run_with_a_terminal_certificate_file_that_does_not_exist_exits_2_naming_the_key()
    {
        var overlay = _config.WriteOverlay();
        var (_, key) = _files.Write(_files.Server());
        await File.AppendAllTextAsync(overlay, $"\nswitch.terminals.tls {{ enabled = on, certificate-file = \"/nonexistent/port.pem\", key-file = \"{key}\" }}\n");
        using var errors = new StringWriter();

        var exitCode = await Switch.Host.Cli.RunCommand.RunAsync([overlay], errors, CancellationToken.None);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains("switch.terminals.tls.certificate-file", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acquirer", "--listen", "127.0.0.1:0", "--tls-cert", "{cert}")]
    [InlineData("acquirer", "--listen", "127.0.0.1:0", "--tls-cert", "{cert}", "--tls-key", "{ca}")]
    [InlineData("acquirer", "--listen", "127.0.0.1:0", "--tls-pfx", "/nonexistent/acquirer.pfx")]
    [InlineData("acquirer", "--listen", "127.0.0.1:0", "--tls-client-ca", "{ca}")]
    [InlineData("acquirer", "--listen", "127.0.0.1:0", "--tls-cert", "{cert}", "--tls-key", "{key}", "--tls-client-ca", "/nonexistent/ca.pem")]
    [InlineData("acquirer", "--listen", "127.0.0.1:0", "--tls-cert", "{cert}", "--tls-key", "{key}", "--tls-client-ca", "{key}")]
    [InlineData("run", "--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--report", "r", "--tls-ca", "{ca}")]
    [InlineData("run", "--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--report", "r", "--tls", "--tls-ca", "/nonexistent/ca.pem")]
    [InlineData("run", "--target", "127.0.0.1:1", "--terminals", "1", "--closed-loop", "--report", "r", "--tls", "--tls-ca", "{key}")]
    public async Task A_simulator_or_generator_TLS_option_that_cannot_be_used_exits_2(params string[] arguments)
    {
        var (certificate, key) = _files.Write(_files.Server());
        string[] resolved = [.. arguments.Select(a => a.Replace("{cert}", certificate, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal).Replace("{ca}", _files.CaFile, StringComparison.Ordinal))];

        Assert.Equal(Usage.BadArguments, await TrafficCli.InvokeAsync(resolved));
    }
}
