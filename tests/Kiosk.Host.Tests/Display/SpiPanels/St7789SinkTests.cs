using System.Device.Gpio;

namespace Kiosk.Host.Tests.Display.SpiPanels;

public sealed class St7789SinkTests
{
    [Fact]
    public void Init_pulses_reset_then_sends_the_dcs_sequence_and_blanks_the_panel()
    {
        using var rig = PanelRig.St7789();

        string[] blank = [.. Enumerable.Repeat("data[4096]", 28), "data[512]"];
        string[] expected =
        [
            "gpio 27=Low", "sleep 10ms", "gpio 27=High", "sleep 120ms",
            "cmd 01", "sleep 150ms",
            "cmd 11", "sleep 120ms",
            "cmd 3A", "data 55",
            "cmd 36", "data 00",
            "cmd 21",
            "cmd 13", "sleep 10ms",
            "cmd 29", "sleep 20ms",
            "cmd 2A", "data 000000EF",
            "cmd 2B", "data 000000EF",
            "cmd 2C", .. blank,
            "gpio 18=High",
        ];
        var trace = rig.Trace();
        int start = trace.IndexOf("gpio 27=Low");
        Assert.Equal(expected, trace.Skip(start));
        Assert.All(rig.Spi.Commands()[^1].Parameters, b => Assert.Equal(0, b));
        Assert.Equal(PinValue.High, rig.Gpio.LevelOf(PanelRig.Backlight));
    }

    [Fact]
    public void Backlight_stays_dark_until_the_panel_is_blanked()
    {
        using var rig = PanelRig.St7789();

        var trace = rig.Trace();
        Assert.Equal("gpio 18=High", trace[^1]);
        Assert.DoesNotContain("gpio 18=High", trace.SkipLast(1));
    }

    [Fact]
    public void Without_a_reset_line_init_starts_with_software_reset()
    {
        using var rig = PanelRig.St7789(resetPin: -1);

        Assert.DoesNotContain(rig.Log.Entries, e => e.StartsWith("gpio 27", StringComparison.Ordinal));
        Assert.Equal("cmd 01", rig.Trace().First(e => e.StartsWith("cmd", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, 0x00)]
    [InlineData(90, 0x60)]
    [InlineData(180, 0xC0)]
    [InlineData(270, 0xA0)]
    public void Rotation_sets_madctl(int rotation, int madctl)
    {
        using var rig = PanelRig.St7789(rotation: rotation);

        var command = Assert.Single(rig.Spi.Commands(), c => c.Code == 0x36);
        Assert.Equal([(byte)madctl], command.Parameters);
    }

    [Theory]
    [InlineData(0, 240, 320)]
    [InlineData(90, 320, 240)]
    [InlineData(180, 240, 320)]
    [InlineData(270, 320, 240)]
    public void Quarter_turns_swap_width_and_height(int rotation, int width, int height)
    {
        using var rig = PanelRig.St7789(240, 320, rotation);

        Assert.Equal((width, height), (rig.Sink.Width, rig.Sink.Height));
        var commands = rig.Spi.Commands();
        Assert.Equal([0, 0, (byte)((width - 1) >> 8), (byte)(width - 1)], commands.Single(c => c.Code == 0x2A).Parameters);
        Assert.Equal([0, 0, (byte)((height - 1) >> 8), (byte)(height - 1)], commands.Single(c => c.Code == 0x2B).Parameters);
    }

    [Fact]
    public void Offsets_move_the_window_for_a_240x240_panel_turned_180()
    {
        using var rig = PanelRig.St7789(rotation: 180, yOffset: 80);
        rig.Spi.Clear();
        var frame = TestFrames.Solid(240, 240, 255, 255, 255);
        frame.SetDirty([new(0, 200, 240, 40)]);

        rig.Sink.Present(frame, frame.Dirty);

        var commands = rig.Spi.Commands();
        Assert.Equal([0x00, 0x00, 0x00, 0xEF], commands[0].Parameters);
        Assert.Equal([0x01, 0x18, 0x01, 0x3F], commands[1].Parameters); // rows 280..319
    }
}
