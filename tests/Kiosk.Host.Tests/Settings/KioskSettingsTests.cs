using Kiosk.Host;
using Kiosk.Host.Settings;
using Microsoft.Extensions.Configuration;

namespace Kiosk.Host.Tests.Settings;

/// <summary>A bad kiosk.json is refused before anything starts, and the message names the key.</summary>
public sealed class KioskSettingsTests
{
    [Theory]
    [InlineData("Kiosk:Display", "spi:st9999", "Kiosk:Display")]
    [InlineData("Kiosk:Profile", "huge", "Kiosk:Profile")]
    [InlineData("Kiosk:MaxFps", "0", "Kiosk:MaxFps")]
    [InlineData("Kiosk:MaxFps", "fast", "Kiosk")]
    [InlineData("Kiosk:Inputs:0", "usb", "Kiosk:Inputs:0")]
    [InlineData("Kiosk:Bogus", "1", "Bogus")]
    [InlineData("Displays", "preview", "Displays")]
    [InlineData("Preview:Url", "http://0.0.0.0:8080", "Preview:Url")]
    [InlineData("Preview:Url", "ftp://127.0.0.1", "Preview:Url")]
    [InlineData("Navigator:IdleTimeout", "00:00:01", "Navigator")]
    [InlineData("Status:WriteInterval", "00:00:00.010", "Status:WriteInterval")]
    [InlineData("Status:Bogus", "1", "Status")]
    public void BadSettingIsRefusedNamingTheKey(string key, string value, string named)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var ex = Assert.Throws<KioskSettingsException>(() => KioskSettings.Load(config));
        Assert.Contains(ex.Errors, e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyListsInKioskJsonAreNotMistakenForSingleValues()
    {
        // JSON's [] and {} reach configuration as a key with an empty value; "Inputs": "gpio" is the mistake.
        using var json = new MemoryStream("""{ "Kiosk": { "Inputs": [] }, "Gpio": { "Pins": {} } }"""u8.ToArray());
        var config = new ConfigurationBuilder().AddJsonStream(json).Build();

        var settings = KioskSettings.Load(config);

        Assert.NotNull(settings.Kiosk);
    }

    [Fact]
    public void RemotePreviewNeedsAllowRemote()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Preview:Url"] = "http://0.0.0.0:8080",
            ["Preview:AllowRemote"] = "true",
        }).Build();
        Assert.Equal("http://0.0.0.0:8080", KioskSettings.Load(config).Preview.Url);
    }

    [Fact]
    public void DefaultsNeedNoFileAndShowThePreviewOnLoopback()
    {
        var c = KioskSettings.Load(new ConfigurationBuilder().Build());
        Assert.True(c.PreviewEnabled);
        Assert.Equal("http://127.0.0.1:8080", c.Preview.Url);
        Assert.Equal(1920, c.Profile.Width);
    }

    [Fact]
    public void MissingConfigFileGivenExplicitlyIsAnError()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => KioskHost.Build("/nonexistent/kiosk.json", new Dictionary<string, string?>()));
        Assert.Contains("kiosk.json", ex.Message, StringComparison.Ordinal);
    }
}
