using System.Device.Gpio;
using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

public class GpioButtonSourceTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Start_opens_every_pin_as_a_pulled_up_input_listening_to_both_edges()
    {
        using var rig = new GpioRig();

        Assert.Equal([5, 6, 13, 19, 26], rig.Driver.OpenPins.Order());
        foreach (int pin in rig.Driver.OpenPins)
        {
            Assert.Equal(PinMode.InputPullUp, rig.Driver.Modes[pin]);
            Assert.Equal(PinEventTypes.Rising | PinEventTypes.Falling, rig.Driver.RegisteredEvents(pin));
        }
    }

    [Fact]
    public void Dispose_removes_callbacks_closes_pins_and_the_driver()
    {
        var rig = new GpioRig();

        rig.Dispose();

        Assert.Empty(rig.Driver.OpenPins);
        Assert.Equal(0, rig.Driver.CallbackCount(5));
        Assert.True(rig.Driver.Disposed);
        Assert.Equal(0, rig.Clock.ArmedTimers);
    }

    [Fact]
    public void Clean_press_posts_its_command_once_the_debounce_time_has_passed()
    {
        using var rig = new GpioRig();

        rig.Press(5, Ms(100));
        rig.Clock.AdvanceTo(Ms(129));
        Assert.Empty(rig.Sink.Commands);

        rig.Clock.AdvanceTo(Ms(130));
        Assert.Equal([NavCommand.Next], rig.Sink.Commands);

        rig.Release(5, Ms(300));
        rig.Clock.AdvanceTo(Ms(1000));
        Assert.Equal([NavCommand.Next], rig.Sink.Commands);
    }

    [Fact]
    public void Each_pin_posts_its_own_command()
    {
        using var rig = new GpioRig();
        var at = TimeSpan.Zero;

        foreach (int pin in new[] { 6, 13, 19, 5 })
        {
            rig.Press(pin, at += Ms(100));
            rig.Release(pin, at += Ms(100));
        }

        rig.Clock.AdvanceTo(at + Ms(100));
        Assert.Equal([NavCommand.Previous, NavCommand.Select, NavCommand.Back, NavCommand.Next], rig.Sink.Commands);
    }

    [Fact]
    public void Chatter_below_the_debounce_time_posts_one_command()
    {
        using var rig = new GpioRig();
        double[] chatter = [0, 1.5, 3, 7, 8, 15, 19]; // odd count: ends pressed

        foreach ((double at, int i) in chatter.Select((at, i) => (at, i)))
        {
            rig.Driver.Edge(13, i % 2 == 0 ? PinValue.Low : PinValue.High, Ms(50 + at));
        }

        rig.Clock.AdvanceTo(Ms(500));
        Assert.Equal([NavCommand.Select], rig.Sink.Commands);
    }

    [Fact]
    public void Active_high_wiring_presses_on_the_rising_edge()
    {
        using var rig = new GpioRig(new GpioButtonOptions { ActiveLow = false, InputMode = PinMode.InputPullDown });

        rig.Driver.Edge(5, PinValue.High, Ms(10));
        rig.Clock.AdvanceTo(Ms(100));

        Assert.Equal(PinMode.InputPullDown, rig.Driver.Modes[5]);
        Assert.Equal([NavCommand.Next], rig.Sink.Commands);
    }

    [Fact]
    public void Short_Home_posts_Home_on_release()
    {
        using var rig = new GpioRig();

        rig.Press(26, Ms(0));
        rig.Clock.AdvanceTo(Ms(700));
        Assert.Empty(rig.Sink.Commands);

        rig.Release(26, Ms(700));
        rig.Clock.AdvanceTo(Ms(2000));
        Assert.Equal([NavCommand.Home], rig.Sink.Commands);
    }

    [Fact]
    public void Long_Home_posts_HomeLong_when_the_threshold_passes_and_nothing_on_release()
    {
        using var rig = new GpioRig();

        rig.Press(26, Ms(0));
        rig.Clock.AdvanceTo(Ms(799));
        Assert.Empty(rig.Sink.Commands);

        rig.Clock.AdvanceTo(Ms(800));
        Assert.Equal([NavCommand.HomeLong], rig.Sink.Commands);

        rig.Release(26, Ms(3000));
        rig.Clock.AdvanceTo(Ms(4000));
        Assert.Equal([NavCommand.HomeLong], rig.Sink.Commands);
    }

    [Theory]
    [InlineData(795, NavCommand.Home)]
    [InlineData(805, NavCommand.HomeLong)]
    public void Home_hold_ends_at_the_last_edge_of_a_release_that_chatters_across_the_threshold(double lastEdge, NavCommand expected)
    {
        using var rig = new GpioRig();
        rig.Press(26, Ms(0));

        // The release starts before the 800 ms threshold and bounces; the hold ends where the line settles.
        rig.Release(26, Ms(785));
        rig.Press(26, Ms(790));
        rig.Release(26, Ms(lastEdge));
        rig.Clock.AdvanceTo(Ms(2000));

        Assert.Equal([expected], rig.Sink.Commands);
    }

    [Fact]
    public void Button_held_at_start_posts_nothing_until_pressed_again()
    {
        using var rig = new GpioRig(beforeStart: driver =>
        {
            driver.SetIdleLevel(5, PinValue.Low);
            driver.SetIdleLevel(26, PinValue.Low);
        });

        rig.Release(5, Ms(100));
        rig.Release(26, Ms(2000));
        rig.Clock.AdvanceTo(Ms(3000));
        Assert.Empty(rig.Sink.Commands);

        rig.Press(5, Ms(3100));
        rig.Clock.AdvanceTo(Ms(3200));
        Assert.Equal([NavCommand.Next], rig.Sink.Commands);
    }

    [Fact]
    public void Only_one_timer_per_button_is_armed_at_a_time()
    {
        using var rig = new GpioRig();

        rig.Press(26, Ms(0));
        rig.Press(5, Ms(1));

        Assert.Equal(2, rig.Clock.ArmedTimers);
        rig.Clock.AdvanceTo(Ms(100));
        Assert.Equal(1, rig.Clock.ArmedTimers); // Home's long-press deadline
    }
}
