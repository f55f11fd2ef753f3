using Kiosk.Host.Display;
using Kiosk.Host.Display.Drm;

namespace Kiosk.Host.Tests.Display.Drm;

/// <summary>
/// The DRM sink's choices that need no card; the sink itself is proven on a real kernel (bochs-drm in QEMU)
/// by tests/Kiosk.System, since its ioctls have nothing to fake.
/// </summary>
public sealed class DrmDefaultTests
{
    private static readonly Func<string, string?> NoDesktop = _ => null;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    public void Auto_is_drm_where_a_card_has_a_display_and_no_desktop_runs(string? spec)
    {
        Assert.Equal("drm", DisplayDefault.Resolve(spec, () => true, NoDesktop));
        Assert.Equal("preview", DisplayDefault.Resolve(spec, () => false, NoDesktop));
    }

    [Theory]
    [InlineData("DISPLAY")]
    [InlineData("WAYLAND_DISPLAY")]
    public void Auto_is_the_preview_under_a_desktop_which_owns_the_display(string variable)
    {
        Assert.Equal("preview", DisplayDefault.Resolve("auto", () => true, name => name == variable ? ":0" : null));
    }

    [Theory]
    [InlineData("fbdev:/dev/fb0")]
    [InlineData("preview")]
    [InlineData("spi:st7789")]
    public void A_configured_display_is_kept(string spec)
    {
        Assert.Equal(spec, DisplayDefault.Resolve(spec, () => true, NoDesktop));
    }

    [Fact]
    public void A_card_that_cannot_be_opened_is_refused_naming_it_and_the_group()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-dri", "card9");

        var error = Assert.Throws<DisplayConfigurationException>(() => new DrmSink(missing));

        Assert.Contains($"drm:{missing}: cannot open", error.Message, StringComparison.Ordinal);
        Assert.Contains("'video' group", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_drm_card_is_refused()
    {
        using var dir = new TempDir();
        string notACard = dir.File("card0");
        File.WriteAllBytes(notACard, new byte[64]);

        var error = Assert.Throws<DisplayConfigurationException>(() => new DrmSink(notACard));

        Assert.Contains($"drm:{notACard}: the driver has no dumb buffers", error.Message, StringComparison.Ordinal);
    }
}
