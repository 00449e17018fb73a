using Switch.Actors.Terminals.Keys;
using Switch.Host.Configuration;
using Switch.Tests.Support;

namespace Switch.Tests.Host.Terminals;

/// <summary><c>switch.terminals.mac</c>: optional unless set, required from an overlay or SWITCH_TERMINALS_MAC, anything else refused by its key.</summary>
public sealed class TerminalMacSettingsTests : IDisposable
{
    private readonly Overlays _overlays = new();

    public void Dispose() => _overlays.Dispose();

    [Fact]
    public void The_default_is_optional_so_keyless_terminals_work_as_DESIGN_md_describes()
    {
        Assert.Equal(TerminalMacMode.Optional, SwitchSettingsReader.Read(_overlays.Load()).Terminals.Mac);
    }

    [Theory]
    [InlineData("required", TerminalMacMode.Required)]
    [InlineData("Required", TerminalMacMode.Required)]
    [InlineData("optional", TerminalMacMode.Optional)]
    public void An_overlay_sets_the_mode(string value, TerminalMacMode expected)
    {
        Assert.Equal(expected, SwitchSettingsReader.Read(_overlays.Load($"switch.terminals.mac = {value}")).Terminals.Mac);
    }

    [Fact]
    public void The_environment_sets_the_mode()
    {
        var environment = new Dictionary<string, string> { ["SWITCH_TERMINALS_MAC"] = "required" };

        var settings = SwitchSettingsReader.Read(SwitchConfiguration.Load([], environment.GetValueOrDefault));

        Assert.Equal(TerminalMacMode.Required, settings.Terminals.Mac);
    }

    [Theory]
    [InlineData("mandatory")]
    [InlineData("on")]
    [InlineData("\"\"")]
    public void Any_other_value_stops_start_up_naming_the_key_and_the_choices(string value)
    {
        var error = Assert.Throws<ConfigurationKeyException>(() => SwitchSettingsReader.Read(_overlays.Load($"switch.terminals.mac = {value}")));

        Assert.Equal("switch.terminals.mac", error.Key);
        Assert.Contains("optional, required", error.Message, StringComparison.Ordinal);
    }
}
