using System.Device.Gpio;
using Kiosk.Content.Packing;
using Kiosk.Host.Display;
using Kiosk.Host.Input;
using Kiosk.Host.Loop;
using Kiosk.Host.Navigation;
using Kiosk.Host.Tests.Display.SpiPanels;
using Kiosk.Host.Tests.Fakes;
using Kiosk.Render.Frames;
using Kiosk.Render.Profiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiosk.Host.Tests.Loop;

/// <summary>
/// B on a presenter remote through the frame loop's own turn to a real ST7789 sink on the fake GPIO and SPI:
/// a black frame, the backlight off, and the same screen back (backlight on) at the next press.
/// </summary>
public sealed class BlankFrameTests
{
    [Fact]
    public void Blank_sends_a_black_frame_and_turns_the_backlight_off_and_the_next_press_brings_the_screen_back()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        using var rig = PanelRig.St7789(width: 240, height: 320, rotation: 90);
        var copy = new CopyingSink(rig.Sink);
        using var displays = new DisplaySet([copy], DisplayProfile.Spi320, clock, NullLogger.Instance);
        var commands = new CommandQueue();
        using var cycle = new FrameCycle(PackReader.Read(SeedPack.Path), new NavigatorOptions(), commands, displays, clock.GetUtcNow());

        commands.Post(NavCommand.Case2, presenter: true);
        Settle(cycle, clock);
        byte[] screen = copy.Last!;
        Assert.Equal(PinValue.High, rig.Gpio.LevelOf(PanelRig.Backlight));
        Assert.Contains(screen.Where((_, i) => i % 4 != 3), b => b != 0);

        commands.Post(NavCommand.Blank, presenter: true);
        Assert.True(cycle.Step(clock.GetUtcNow()));
        Assert.All(copy.Last!.Where((_, i) => i % 4 != 3), b => Assert.Equal(0, b));
        Assert.Equal(PinValue.Low, rig.Gpio.LevelOf(PanelRig.Backlight));

        // Blanked, the cycle draws nothing more, for all of a long talk.
        int presented = copy.Count;
        for (int i = 0; i < 100; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            Assert.False(cycle.Step(clock.GetUtcNow()));
        }

        Assert.Equal(presented, copy.Count);

        commands.Post(NavCommand.Next, presenter: true);
        Settle(cycle, clock);
        Assert.Equal(screen, copy.Last);
        Assert.Equal(PinValue.High, rig.Gpio.LevelOf(PanelRig.Backlight));
        Assert.Equal(new Kiosk.Render.Scenes.Screen(Kiosk.Render.Scenes.ScreenKind.CaseIntro, 1), cycle.Navigator.Screen);
    }

    private static void Settle(FrameCycle cycle, FakeTimeProvider clock)
    {
        for (int i = 0; i < 60; i++)
        {
            cycle.Step(clock.GetUtcNow());
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Passes frames on to the panel and keeps a copy of the last one's pixels, which the renderer reuses.</summary>
    private sealed class CopyingSink(Kiosk.Host.Display.SpiPanels.SpiPanelSink inner) : IDisplaySink, IBlankable
    {
        public string Name => inner.Name;

        public int Width => inner.Width;

        public int Height => inner.Height;

        public byte[]? Last { get; private set; }

        public int Count { get; private set; }

        public void Present(Frame frame, IReadOnlyList<PixelRect> dirty)
        {
            inner.Present(frame, dirty);
            Last = [.. frame.Pixels];
            Count++;
        }

        public void SetBlanked(bool blanked) => inner.SetBlanked(blanked);

        public void Dispose()
        {
        }
    }
}
