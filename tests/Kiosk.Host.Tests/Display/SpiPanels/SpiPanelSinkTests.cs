using System.Device.Gpio;
using Kiosk.Host.Tests.Display.Fakes;
using Kiosk.Render.Frames;

using Kiosk.Host.Tests.Fakes;

namespace Kiosk.Host.Tests.Display.SpiPanels;

/// <summary>The shared MIPI-DCS frame path, driven through an ST7789.</summary>
public sealed class SpiPanelSinkTests
{
    [Fact]
    public void Dirty_rect_is_sent_as_caset_raset_ramwr_with_inclusive_ends()
    {
        using var rig = PanelRig.St7789();
        rig.Spi.Clear();
        var frame = TestFrames.Solid(240, 240, 255, 0, 0);
        frame.SetDirty([new PixelRect(10, 20, 5, 3)]);

        rig.Sink.Present(frame, frame.Dirty);

        var writes = rig.Spi.Writes;
        Assert.Equal(
            [(true, "2A"), (false, "000A000E"), (true, "2B"), (false, "00140016"), (true, "2C"), (false, string.Concat(Enumerable.Repeat("F800", 15)))],
            writes.Select(w => (w.IsCommand, Convert.ToHexString(w.Bytes))));
    }

    [Fact]
    public void Rgb565_goes_out_big_endian()
    {
        using var rig = PanelRig.St7789();
        rig.Spi.Clear();
        var frame = new Frame(240, 240);
        TestFrames.SetPixel(frame, 0, 0, 255, 0, 0);
        TestFrames.SetPixel(frame, 1, 0, 0, 255, 0);
        TestFrames.SetPixel(frame, 2, 0, 0, 0, 255);
        TestFrames.SetPixel(frame, 3, 0, 255, 255, 255);
        TestFrames.SetPixel(frame, 4, 0, 0x12, 0x34, 0x56); // 00010 001101 01010 = 0x11AA
        frame.SetDirty([new PixelRect(0, 0, 5, 1)]);

        rig.Sink.Present(frame, frame.Dirty);

        Assert.Equal("F80007E0001FFFFF11AA", Convert.ToHexString(rig.Spi.Commands()[^1].Parameters));
    }

    [Theory]
    [InlineData(4096, 28, 512)]
    [InlineData(1000, 115, 200)]
    public void Ramwr_data_is_chunked_to_the_spi_buffer_size(int chunkSize, int fullChunks, int lastChunk)
    {
        using var rig = PanelRig.St7789(chunkSize: chunkSize);
        rig.Spi.Clear();

        rig.Sink.Present(TestFrames.Pattern(240, 240, seed: 1));

        int ramwr = rig.Spi.Writes.FindIndex(w => w.IsCommand && w.Bytes[0] == 0x2C);
        var data = rig.Spi.Writes.Skip(ramwr + 1).ToList();
        Assert.All(data, w => Assert.False(w.IsCommand));
        Assert.Equal([.. Enumerable.Repeat(chunkSize, fullChunks), lastChunk], data.Select(w => w.Bytes.Length));
    }

    [Fact]
    public void Partial_update_sends_only_the_dirty_rect_even_when_other_pixels_changed()
    {
        using var rig = PanelRig.St7789();
        rig.Sink.Present(TestFrames.Solid(240, 240, 0, 0, 255));
        rig.Spi.Clear();
        var frame = TestFrames.Solid(240, 240, 0, 255, 0);
        frame.SetDirty([new PixelRect(100, 50, 2, 2)]);

        rig.Sink.Present(frame, frame.Dirty);

        var commands = rig.Spi.Commands();
        Assert.Equal([0x2A, 0x2B, 0x2C], commands.Select(c => c.Code));
        Assert.Equal([0x00, 100, 0x00, 101], commands[0].Parameters);
        Assert.Equal([0x00, 50, 0x00, 51], commands[1].Parameters);
        Assert.Equal("07E007E007E007E0", Convert.ToHexString(commands[2].Parameters));
    }

    [Fact]
    public void Unchanged_frame_sends_nothing()
    {
        using var rig = PanelRig.St7789();
        var frame = TestFrames.Pattern(240, 240);
        rig.Sink.Present(frame, frame.Dirty);
        Assert.NotEmpty(rig.Spi.Commands());
        rig.Spi.Clear();

        var again = TestFrames.Copy(frame);
        again.SetDirty([again.Bounds]);
        rig.Sink.Present(again, again.Dirty);

        Assert.Empty(rig.Spi.Writes);
    }

    [Fact]
    public void Black_frame_after_init_sends_nothing_because_init_blanked_the_panel()
    {
        using var rig = PanelRig.St7789();
        rig.Spi.Clear();

        rig.Sink.Present(TestFrames.Solid(240, 240, 0, 0, 0));

        Assert.Empty(rig.Spi.Writes);
    }

    [Fact]
    public void Empty_dirty_list_sends_nothing_even_when_pixels_differ()
    {
        using var rig = PanelRig.St7789();
        rig.Spi.Clear();
        var frame = TestFrames.Solid(240, 240, 255, 255, 255);
        frame.SetDirty([]);

        rig.Sink.Present(frame, frame.Dirty);

        Assert.Empty(rig.Spi.Writes);
    }

    [Fact]
    public void Of_several_dirty_rects_only_the_changed_ones_are_sent()
    {
        using var rig = PanelRig.St7789();
        var first = TestFrames.Pattern(240, 240);
        rig.Sink.Present(first, first.Dirty);
        rig.Spi.Clear();
        var second = TestFrames.Copy(first);
        TestFrames.Fill(second, new PixelRect(30, 40, 3, 1), 255, 255, 255);
        second.SetDirty([new PixelRect(0, 0, 10, 10), new PixelRect(30, 40, 3, 1)]);

        rig.Sink.Present(second, second.Dirty);

        var commands = rig.Spi.Commands();
        Assert.Equal([0x2A, 0x2B, 0x2C], commands.Select(c => c.Code));
        Assert.Equal([0x00, 30, 0x00, 32], commands[0].Parameters);
        Assert.Equal("FFFFFFFFFFFF", Convert.ToHexString(commands[2].Parameters));
    }

    [Fact]
    public void Change_below_rgb565_precision_is_not_sent()
    {
        using var rig = PanelRig.St7789();
        rig.Sink.Present(TestFrames.Solid(240, 240, 0x80, 0x80, 0x80));
        rig.Spi.Clear();

        rig.Sink.Present(TestFrames.Solid(240, 240, 0x87, 0x83, 0x87));

        Assert.Empty(rig.Spi.Writes);
    }

    [Fact]
    public void Dirty_rects_are_clipped_to_the_panel()
    {
        using var rig = PanelRig.St7789();
        rig.Spi.Clear();
        var frame = TestFrames.Solid(240, 240, 255, 255, 255);
        frame.SetDirty([new PixelRect(230, -5, 50, 10)]);

        rig.Sink.Present(frame, frame.Dirty);

        var commands = rig.Spi.Commands();
        Assert.Equal([0x00, 230, 0x00, 239], commands[0].Parameters);
        Assert.Equal([0x00, 0, 0x00, 4], commands[1].Parameters);
        Assert.Equal(10 * 5 * 2, commands[2].Parameters.Length);
    }

    [Fact]
    public void Frame_of_another_size_is_refused()
    {
        using var rig = PanelRig.St7789();

        var error = Assert.Throws<ArgumentException>(() => rig.Sink.Present(TestFrames.Solid(320, 240, 0, 0, 0)));
        Assert.Contains("320x240", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steady_state_frames_allocate_nothing_beyond_the_gpio_library()
    {
        using var rig = PanelRig.St7789();
        var a = TestFrames.Pattern(240, 240, seed: 1);
        var b = TestFrames.Pattern(240, 240, seed: 2);
        b.SetDirty([new PixelRect(5, 5, 20, 20)]);
        rig.Log.Enabled = false;
        rig.Sink.Present(a, a.Dirty);
        rig.Sink.Present(b, b.Dirty);
        long bytesBefore = rig.Spi.BytesWritten;
        long gpioWritesBefore = rig.Gpio.WriteCount;

        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                rig.Sink.Present(a, a.Dirty);
                rig.Sink.Present(b, b.Dirty);
            }
        });

        // Every window sends the same frames, so each makes the same GPIO writes.
        long gpioWritesPerWindow = (rig.Gpio.WriteCount - gpioWritesBefore) / allocated.Windows.Count;
        Assert.True(rig.Spi.BytesWritten > bytesBefore, "frames should have been sent");
        Assert.Equal(GpioControllerBytesPerWrite() * gpioWritesPerWindow, allocated.Least);
    }

    /// <summary>
    /// System.Device.Gpio 4.2.0's GpioController.Write allocates a little on every call (outside this code's
    /// control); measured here rather than assumed so the check above stays exact if the library changes.
    /// </summary>
    private static long GpioControllerBytesPerWrite()
    {
        var log = new HardwareLog { Enabled = false };
        using var gpio = new GpioController(new FakeGpioDriver(log));
        gpio.OpenPin(1, PinMode.Output);
        gpio.Write(1, PinValue.High);
        var allocated = ThreadAllocations.Measure(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                gpio.Write(1, PinValue.High);
            }
        });

        return allocated.Least / 100;
    }

    [Fact]
    public void Dispose_darkens_the_backlight_and_releases_spi_and_gpio()
    {
        var rig = PanelRig.St7789();

        rig.Dispose();

        Assert.Equal(PinValue.Low, rig.Gpio.LevelOf(PanelRig.Backlight));
        Assert.True(rig.Spi.Disposed);
        Assert.True(rig.Gpio.Disposed);
        Assert.Throws<ObjectDisposedException>(() => rig.Sink.Present(TestFrames.Solid(240, 240, 0, 0, 0)));
    }
}
