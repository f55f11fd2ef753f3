using Kiosk.Host.Display;

namespace Kiosk.Host.Tests.Display;

public sealed class DisplayOptionsTests
{
    [Fact]
    public void Defaults_are_valid_for_every_display()
    {
        foreach (string spec in new[] { "fbdev:/dev/fb0", "spi:st7789", "spi:ili9341", "png:frames", "preview" })
        {
            Assert.Empty(new DisplayOptions { Spec = spec }.Validate());
        }
    }

    public static TheoryData<Action<DisplayOptions>, string> BadSpiSettings => new()
    {
        { o => o.Rotation = 45, "DisplayOptions:Rotation: must be 0, 90, 180 or 270, not 45" },
        { o => o.ChunkSize = 0, "DisplayOptions:ChunkSize: must be 1-65536 bytes, not 0" },
        { o => o.SpiClockHz = 0, "DisplayOptions:SpiClockHz:" },
        { o => o.SpiMode = 4, "DisplayOptions:SpiMode:" },
        { o => o.SpiChipSelect = 3, "DisplayOptions:SpiChipSelect:" },
        { o => o.DcPin = -1, "DisplayOptions:DcPin: must be a BCM GPIO 0-27, not -1" },
        { o => o.ResetPin = 40, "DisplayOptions:ResetPin: must be a BCM GPIO 0-27 or -1 when not wired, not 40" },
        { o => o.ResetPin = 25, "DisplayOptions:ResetPin: GPIO 25 is already DcPin" },
        { o => o.BacklightPin = 27, "DisplayOptions:BacklightPin: GPIO 27 is already ResetPin" },
        { o => o.DcPin = 10, "DisplayOptions:DcPin: GPIO 10 belongs to SPI0" },
        { o => o.Width = 0, "DisplayOptions:Width: must be 1-320, not 0" },
        { o => o.Height = 480, "DisplayOptions:Height: must be 1-320, not 480" },
        { o => o.YOffset = -1, "DisplayOptions:YOffset:" },
        { o => o.XOffset = 320, "DisplayOptions:XOffset:" },
    };

    [Theory]
    [MemberData(nameof(BadSpiSettings))]
    public void Bad_spi_setting_is_reported_under_its_key(Action<DisplayOptions> spoil, string message)
    {
        var options = new DisplayOptions { Spec = "spi:st7789" };
        spoil(options);

        string error = Assert.Single(options.Validate());
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Spi_settings_are_not_checked_for_the_framebuffer()
    {
        var options = new DisplayOptions { Spec = "fbdev:/dev/fb0", Rotation = 45, DcPin = 10 };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new DisplayOptions { Spec = "spi:ili9341", Rotation = 1, ChunkSize = -5, BacklightPin = 99 };

        Assert.Equal(
            ["DisplayOptions:Rotation", "DisplayOptions:ChunkSize", "DisplayOptions:BacklightPin"],
            options.Validate().Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
    }

    [Fact]
    public void Png_needs_room_for_at_least_one_file()
    {
        var options = new DisplayOptions { Spec = "png:frames", PngMaxFiles = 0 };

        Assert.Equal(["DisplayOptions:PngMaxFiles: must be at least 1, not 0"], options.Validate());
    }

    [Fact]
    public void Bad_spec_is_reported_under_the_display_key()
    {
        var options = new DisplayOptions { Spec = "vga" };

        Assert.StartsWith("Display: unknown display 'vga'", Assert.Single(options.Validate()), StringComparison.Ordinal);
    }
}
