using Kiosk.Host.Input;

namespace Kiosk.Host.Tests.Input;

/// <summary>The default key map as a presenter remote (a USB keyboard) uses it, and lecture keys flagged.</summary>
public class PresenterKeyMapTests
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(1_750_000_000);

    private static IReadOnlyList<NavPress> Decode(KeyboardScript script, EvdevKeyOptions? options = null) =>
        RecordingSink.Decode(script.Events, options).Presses;

    [Theory]
    [InlineData(LinuxInput.KeyPageDown, NavCommand.Next)]
    [InlineData(LinuxInput.KeyPageUp, NavCommand.Previous)]
    [InlineData(LinuxInput.KeyB, NavCommand.Blank)]
    [InlineData(LinuxInput.KeyDot, NavCommand.Blank)]
    [InlineData(LinuxInput.KeyF5, NavCommand.FirstPhase)]
    [InlineData(LinuxInput.Key1, NavCommand.Case1)]
    [InlineData(LinuxInput.Key2, NavCommand.Case2)]
    [InlineData(LinuxInput.Key3, NavCommand.Case3)]
    [InlineData(LinuxInput.Key4, NavCommand.Case4)]
    [InlineData(LinuxInput.Key5, NavCommand.Case5)]
    [InlineData(LinuxInput.KeyKp1, NavCommand.Case1)]
    [InlineData(LinuxInput.KeyKp5, NavCommand.Case5)]
    public void Presenter_keys_map_by_default_and_start_lecture_mode(ushort code, NavCommand expected)
    {
        Assert.Equal([new NavPress(expected, Presenter: true)], Decode(new KeyboardScript(Start).Tap(code)));
    }

    [Theory]
    [InlineData(LinuxInput.KeyEsc, NavCommand.Back)]
    [InlineData(LinuxInput.KeyRight, NavCommand.Next)]
    [InlineData(LinuxInput.KeyLeft, NavCommand.Previous)]
    [InlineData(LinuxInput.KeyEnter, NavCommand.Select)]
    public void Keys_visitors_use_at_a_keyboard_do_not_start_lecture_mode(ushort code, NavCommand expected)
    {
        Assert.Equal([new NavPress(expected, Presenter: false)], Decode(new KeyboardScript(Start).Tap(code)));
    }

    [Theory]
    [InlineData(LinuxInput.KeyLeftShift)]
    [InlineData(LinuxInput.KeyRightShift)]
    public void Shift_F5_is_back_and_F5_alone_after_it_is_first_phase_again(ushort shift)
    {
        var script = new KeyboardScript(Start)
            .Key(shift, LinuxInput.KeyPressed).Wait(30)
            .Tap(LinuxInput.KeyF5).Wait(30)
            .Key(shift, LinuxInput.KeyReleased).Wait(300)
            .Tap(LinuxInput.KeyF5);

        Assert.Equal([new NavPress(NavCommand.Back, true), new NavPress(NavCommand.FirstPhase, true)], Decode(script));
    }

    [Fact]
    public void Shift_with_a_key_not_in_the_shift_map_uses_the_plain_map()
    {
        var script = new KeyboardScript(Start)
            .Key(LinuxInput.KeyLeftShift, LinuxInput.KeyPressed)
            .Tap(LinuxInput.KeyPageDown)
            .Key(LinuxInput.KeyLeftShift, LinuxInput.KeyReleased);

        Assert.Equal([new NavPress(NavCommand.Next, true)], Decode(script));
    }

    [Fact]
    public void A_site_map_replaces_the_defaults_and_its_lecture_keys_decide_lecture_mode()
    {
        var options = new EvdevKeyOptions
        {
            Keys = new() { [LinuxInput.KeyPageDown] = NavCommand.Select, [LinuxInput.KeyA] = NavCommand.Next },
            ShiftKeys = [],
            LectureKeys = [LinuxInput.KeyA],
        };
        var script = new KeyboardScript(Start).Tap(LinuxInput.KeyPageDown).Wait(100).Tap(LinuxInput.KeyA).Wait(100).Tap(LinuxInput.KeyB);

        Assert.Equal([new NavPress(NavCommand.Select, false), new NavPress(NavCommand.Next, true)], Decode(script, options));
    }

    [Fact]
    public void A_held_presenter_key_autorepeats_without_stepping_twice()
    {
        Assert.Equal([new NavPress(NavCommand.Next, true)], Decode(new KeyboardScript(Start).Tap(LinuxInput.KeyPageDown, holdMilliseconds: 900)));
    }
}
