using Kiosk.Host.Display;

namespace Kiosk.Host.Tests.Display;

public sealed class DisplaySpecTests
{
    [Theory]
    [InlineData("fbdev:/dev/fb0", DisplayKind.Fbdev, "/dev/fb0")]
    [InlineData(" FBDEV:/dev/fb1 ", DisplayKind.Fbdev, "/dev/fb1")]
    [InlineData("spi:st7789", DisplayKind.St7789, "")]
    [InlineData("spi:ILI9341", DisplayKind.Ili9341, "")]
    [InlineData("png:/tmp/frames", DisplayKind.Png, "/tmp/frames")]
    [InlineData("preview", DisplayKind.Preview, "")]
    [InlineData("drm", DisplayKind.Drm, "")]
    [InlineData("drm:/dev/dri/card1", DisplayKind.Drm, "/dev/dri/card1")]
    public void Parses_known_specs(string text, DisplayKind kind, string argument)
    {
        Assert.Equal(new DisplaySpec(kind, argument), DisplaySpec.Parse(text));
    }

    [Theory]
    [InlineData("", "no display given")]
    [InlineData("hdmi", "unknown display 'hdmi'")]
    [InlineData("spi:st7735", "unknown SPI panel 'st7735'")]
    [InlineData("spi", "unknown SPI panel ''")]
    [InlineData("fbdev:", "needs a framebuffer device")]
    [InlineData("png:", "needs a directory")]
    [InlineData("preview:x", "unknown display 'preview:x'")]
    public void Unknown_or_incomplete_specs_fail_naming_the_key_and_the_choices(string text, string reason)
    {
        var error = Assert.Throws<DisplayConfigurationException>(() => DisplaySpec.Parse(text));

        Assert.StartsWith("Display: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_display_lists_what_is_supported()
    {
        var error = Assert.Throws<DisplayConfigurationException>(() => DisplaySpec.Parse("hdmi"));

        Assert.Contains(DisplaySpec.Expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fbdev:/dev/fb0")]
    [InlineData("spi:st7789")]
    [InlineData("spi:ili9341")]
    [InlineData("png:frames")]
    [InlineData("preview")]
    [InlineData("drm")]
    [InlineData("drm:/dev/dri/card0")]
    public void Round_trips_through_to_string(string text)
    {
        Assert.Equal(text, DisplaySpec.Parse(text).ToString());
    }
}
