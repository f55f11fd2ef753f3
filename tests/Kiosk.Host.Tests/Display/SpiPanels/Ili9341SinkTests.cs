namespace Kiosk.Host.Tests.Display.SpiPanels;

public sealed class Ili9341SinkTests
{
    [Fact]
    public void Init_sends_power_and_gamma_setup_before_sleep_out()
    {
        using var rig = PanelRig.Ili9341();

        var commands = rig.Spi.Commands();
        Assert.Equal(
            [0x01, 0xCF, 0xED, 0xE8, 0xCB, 0xF7, 0xEA, 0xC0, 0xC1, 0xC5, 0xC7, 0xB1, 0xB6, 0xF2, 0x26, 0xE0, 0xE1, 0x11, 0x3A, 0x36, 0x13, 0x29, 0x2A, 0x2B, 0x2C],
            commands.Select(c => c.Code));
        byte[] Params(byte code) => commands.Single(c => c.Code == code).Parameters;
        Assert.Equal([0x00, 0xC1, 0x30], Params(0xCF));
        Assert.Equal([0x64, 0x03, 0x12, 0x81], Params(0xED));
        Assert.Equal([0x85, 0x00, 0x78], Params(0xE8));
        Assert.Equal([0x39, 0x2C, 0x00, 0x34, 0x02], Params(0xCB));
        Assert.Equal([0x20], Params(0xF7));
        Assert.Equal([0x00, 0x00], Params(0xEA));
        Assert.Equal([0x23], Params(0xC0));
        Assert.Equal([0x10], Params(0xC1));
        Assert.Equal([0x3E, 0x28], Params(0xC5));
        Assert.Equal([0x86], Params(0xC7));
        Assert.Equal([0x00, 0x18], Params(0xB1));
        Assert.Equal([0x08, 0x82, 0x27], Params(0xB6));
        Assert.Equal([0x00], Params(0xF2));
        Assert.Equal([0x01], Params(0x26));
        Assert.Equal([0x0F, 0x31, 0x2B, 0x0C, 0x0E, 0x08, 0x4E, 0xF1, 0x37, 0x07, 0x10, 0x03, 0x0E, 0x09, 0x00], Params(0xE0));
        Assert.Equal([0x00, 0x0E, 0x14, 0x03, 0x11, 0x07, 0x31, 0xC1, 0x48, 0x08, 0x0F, 0x0C, 0x31, 0x36, 0x0F], Params(0xE1));
        Assert.Equal([0x55], Params(0x3A));
        Assert.Empty(Params(0x11));
        Assert.Empty(Params(0x29));
        Assert.Equal([0x00, 0x00, 0x01, 0x3F], Params(0x2B));
        Assert.Equal(240 * 320 * 2, Params(0x2C).Length);
    }

    [Fact]
    public void Ili9341_is_not_colour_inverted()
    {
        using var rig = PanelRig.Ili9341();

        Assert.DoesNotContain(rig.Spi.Commands(), c => c.Code == 0x21);
    }

    [Theory]
    [InlineData(0, 0x48)]
    [InlineData(90, 0x28)]
    [InlineData(180, 0x88)]
    [InlineData(270, 0xE8)]
    public void Rotation_sets_madctl_with_bgr_order(int rotation, int madctl)
    {
        using var rig = PanelRig.Ili9341(rotation);

        var command = Assert.Single(rig.Spi.Commands(), c => c.Code == 0x36);
        Assert.Equal([(byte)madctl], command.Parameters);
    }

    [Fact]
    public void Landscape_window_addresses_above_255_are_big_endian()
    {
        using var rig = PanelRig.Ili9341(rotation: 90);
        rig.Spi.Clear();
        var frame = TestFrames.Solid(320, 240, 0, 0, 255);
        frame.SetDirty([new(250, 100, 60, 2)]);

        rig.Sink.Present(frame, frame.Dirty);

        var commands = rig.Spi.Commands();
        Assert.Equal([0x2A, 0x2B, 0x2C], commands.Select(c => c.Code));
        Assert.Equal([0x00, 0xFA, 0x01, 0x35], commands[0].Parameters); // columns 250..309
        Assert.Equal([0x00, 0x64, 0x00, 0x65], commands[1].Parameters); // rows 100..101
        Assert.Equal(60 * 2 * 2, commands[2].Parameters.Length);
    }
}
