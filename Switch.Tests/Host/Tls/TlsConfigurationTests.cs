using Switch.Host.Configuration;
using Switch.Host.Tls;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Tls;

/// <summary>switch.terminals.tls and the acquirers' tls blocks: off by default, certificates loaded at start, every mistake named by its key.</summary>
public sealed class TlsConfigurationTests : IDisposable
{
    private const string Link = "name = a, endpoint = \"acquirer.example:9583\", profile = iso87-ascii, length-header = binary2, timeout = 1s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 1s";

    private readonly Overlays _overlays = new();
    private readonly TlsFiles _files = new();

    public void Dispose()
    {
        _overlays.Dispose();
        _files.Dispose();
    }

    [Fact]
    public void TLS_is_off_by_default_on_the_terminal_port_and_the_links()
    {
        var settings = SwitchSettingsReader.Read(_overlays.Load());

        Assert.Null(settings.Terminals.Tls);
        Assert.Empty(settings.AcquirerTls);
    }

    [Fact]
    public void A_PEM_pair_with_require_is_loaded_with_its_client_CA_and_timeout()
    {
        var (certificate, key) = _files.Write(_files.Server());

        var tls = SwitchSettingsReader.Read(_overlays.Load($$"""
            switch.terminals.tls { enabled = on, certificate-file = "{{certificate}}", key-file = "{{key}}",
                                   client-certificate = require, client-ca-file = "{{_files.CaFile}}", handshake-timeout = 3s }
            """)).Terminals.Tls;

        Assert.NotNull(tls);
        Assert.True(tls.Server.Certificate.HasPrivateKey);
        Assert.Equal("CN=localhost", tls.Server.Certificate.Subject);
        Assert.Equal(ClientCertificates.Require, tls.ClientCertificates);
        Assert.Equal(_files.Authority.Certificate.Thumbprint, Assert.Single(tls.ClientCa!.Certificates).Thumbprint);
        Assert.Equal(TimeSpan.FromSeconds(3), tls.HandshakeTimeout);
    }

    [Fact]
    public void A_pfx_opens_with_the_password_from_the_environment()
    {
        var pfx = WritePfx("pfx-secret-of-the-test");
        var overlay = _overlays.Write($$"""
            switch.terminals.tls {
              enabled = on
              pfx-file = "{{pfx}}"
              pfx-password = ${?TEST_TLS_PFX_PASSWORD}
            }
            """);

        var tls = SwitchSettingsReader.Read(SwitchConfiguration.Load([overlay], name => name == "TEST_TLS_PFX_PASSWORD" ? "pfx-secret-of-the-test" : null)).Terminals.Tls;

        Assert.True(tls!.Server.Certificate.HasPrivateKey);
    }

    [Fact]
    public void A_link_s_tls_block_gives_its_server_name_CA_and_defaults_the_name_to_the_endpoint_host()
    {
        var settings = SwitchSettingsReader.Read(_overlays.Load($$"""
            switch.acquirers = [
              { {{Link}}, tls = { enabled = on, ca-file = "{{_files.CaFile}}" } }
              { name = b, endpoint = "127.0.0.1:9584", profile = iso87-ascii, length-header = binary2, timeout = 1s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 1s,
                tls = { enabled = on, server-name = "b.example" } }
              { name = c, endpoint = "127.0.0.1:9585", profile = iso87-ascii, length-header = binary2, timeout = 1s, echo-interval = 30s, reconnect-min = 1s, reconnect-max = 1s,
                tls = { enabled = off } }
            ]
            """));

        Assert.Equal(["a", "b"], settings.AcquirerTls.Keys.Order());
        Assert.Equal("acquirer.example", settings.AcquirerTls["a"].ServerName);
        Assert.NotNull(settings.AcquirerTls["a"].TrustedCa);
        Assert.Equal("b.example", settings.AcquirerTls["b"].ServerName);
        Assert.Null(settings.AcquirerTls["b"].TrustedCa);
        Assert.Null(settings.AcquirerTls["b"].ClientCertificate);
    }

    [Theory]
    [InlineData("switch.terminals.tls.enabled = on", "switch.terminals.tls.certificate-file")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"/nonexistent/cert.pem\", key-file = \"/nonexistent/key.pem\" }", "switch.terminals.tls.certificate-file")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"{cert}\" }", "switch.terminals.tls.key-file")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"{cert}\", key-file = \"{ca}\" }", "switch.terminals.tls.key-file")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"{cert}\", key-file = \"{key}\", pfx-file = \"{pfx}\" }", "switch.terminals.tls.pfx-file")]
    [InlineData("switch.terminals.tls { enabled = on, pfx-file = \"{pfx}\", pfx-password = wrong }", "switch.terminals.tls.pfx-password")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"{cert}\", key-file = \"{key}\", client-certificate = require }", "switch.terminals.tls.client-ca-file")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"{cert}\", key-file = \"{key}\", client-certificate = optional }", "switch.terminals.tls.client-certificate")]
    [InlineData("switch.terminals.tls { enabled = on, certificate-file = \"{cert}\", key-file = \"{key}\", handshake-timeout = 0s }", "switch.terminals.tls.handshake-timeout")]
    [InlineData("switch.terminals.tls.enabled = maybe", "switch.terminals.tls.enabled")]
    [InlineData("switch.acquirers = [ { " + Link + ", tls = { enabled = on, ca-file = \"/nonexistent/ca.pem\" } } ]", "switch.acquirers[0].tls.ca-file")]
    [InlineData("switch.acquirers = [ { " + Link + ", tls = { enabled = on, ca-file = \"{key}\" } } ]", "switch.acquirers[0].tls.ca-file")]
    [InlineData("switch.acquirers = [ { " + Link + ", tls = { enabled = on, pfx-file = \"{pfx}\" } } ]", "switch.acquirers[0].tls.pfx-password")]
    [InlineData("switch.acquirers = [ { " + Link + ", tls = { server-name = x } } ]", "switch.acquirers[0].tls.enabled")]
    [InlineData("switch.acquirers = [ { " + Link + ", tls = on } ]", "switch.acquirers[0].tls")]
    public void A_bad_TLS_setting_stops_start_up_naming_its_key(string overlay, string key)
    {
        var (certificate, privateKey) = _files.Write(_files.Server());
        var text = overlay.Replace("{cert}", certificate, StringComparison.Ordinal)
            .Replace("{key}", privateKey, StringComparison.Ordinal)
            .Replace("{ca}", _files.CaFile, StringComparison.Ordinal)
            .Replace("{pfx}", WritePfx("the-right-password"), StringComparison.Ordinal);

        var error = Assert.Throws<ConfigurationKeyException>(() => SwitchSettingsReader.Read(_overlays.Load(text)));

        Assert.Equal(key, error.Key);
        Assert.DoesNotContain("the-right-password", error.Message, StringComparison.Ordinal);
    }

    private string WritePfx(string password)
    {
        using var certificate = _files.Server();
        return _files.WritePfx(certificate, password);
    }
}
