using Kiosk.Host.Navigation;
using Kiosk.Render.Scenes;
using static Kiosk.Host.Input.NavCommand;

namespace Kiosk.Host.Tests.Navigation;

/// <summary>
/// The warning before the idle time limit (defaults: idle 90 s, warning for the last 15 s) and the large-text
/// switch (Select held), driven by the fake clock.
/// </summary>
public sealed class NavigatorIdleWarningTests
{
    [Fact]
    public void The_last_seconds_before_the_timeout_count_down_on_the_scene()
    {
        var h = new NavHarness();
        h.Reach(new Screen(ScreenKind.Phase, 2, 1));
        h.Press(Next);
        h.AdvanceMs(74_999);
        Assert.Equal(0, h.Scene.IdleWarningSeconds);

        Assert.True(h.AdvanceMs(1)); // 15 s left: the warning goes up, and that is a new frame
        Assert.Equal(15, h.Scene.IdleWarningSeconds);
        Assert.False(h.AdvanceMs(500)); // still 15 (rounded up): no new frame
        Assert.True(h.AdvanceMs(500));
        Assert.Equal(14, h.Scene.IdleWarningSeconds);

        h.AdvanceMs(14_000);
        Assert.Equal(ScreenKind.Attract, h.Screen.Kind);
        Assert.Equal(0, h.Scene.IdleWarningSeconds);
    }

    [Fact]
    public void A_press_during_the_warning_keeps_the_visitor_where_they_are_and_does_nothing_else()
    {
        var h = new NavHarness();
        var here = new Screen(ScreenKind.Phase, 2, 1);
        h.Reach(here);
        h.Press(Next);
        h.Press(Previous);
        h.AdvanceMs(80_000);
        Assert.True(h.Scene.IdleWarningSeconds > 0);
        long version = h.Nav.Version;

        Assert.False(h.Nav.Apply(Next, h.Now)); // answered the warning: no phase step
        Assert.Equal(here, h.Screen);
        Assert.Equal(0, h.Scene.IdleWarningSeconds);
        Assert.True(h.Nav.Version > version); // the warning must come off the screen

        h.AdvanceMs(70_000); // the idle count started again at the press (no warning yet: 20 s left)
        Assert.Equal(here, h.Screen);
        Assert.Equal(ScreenKind.Phase, h.Screen.Kind);
        Assert.Equal(here, h.Walk(Next, Previous));
    }

    [Fact]
    public void No_warning_when_it_is_set_to_zero()
    {
        var h = new NavHarness(options: new NavigatorOptions { IdleWarning = TimeSpan.Zero });
        h.Reach(new Screen(ScreenKind.CaseIntro, 1));
        h.AdvanceMs(89_000);
        Assert.Equal(0, h.Scene.IdleWarningSeconds);
    }

    [Fact]
    public void A_negative_warning_is_refused_naming_the_key()
    {
        var errors = new NavigatorOptions { IdleWarning = TimeSpan.FromSeconds(-1) }.Validate();
        Assert.Contains(errors, e => e.StartsWith("IdleWarning:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_timeout_keeps_the_warning_to_its_second_half()
    {
        var h = new NavHarness(options: new NavigatorOptions { IdleTimeout = TimeSpan.FromSeconds(10), AttractInterval = TimeSpan.FromSeconds(2) });
        h.Reach(new Screen(ScreenKind.CaseIntro, 1));
        h.AdvanceMs(3_999); // 4.999 s since Reach's last command
        Assert.Equal(0, h.Scene.IdleWarningSeconds);
        h.AdvanceMs(1);
        Assert.Equal(5, h.Scene.IdleWarningSeconds);
    }

    [Fact]
    public void Select_held_switches_large_text_and_stays_on_the_screen()
    {
        var h = new NavHarness();
        var here = new Screen(ScreenKind.Diagram, 0, 1);
        h.Reach(here);
        Assert.False(h.Scene.LargeText);

        Assert.True(h.Nav.Apply(SelectLong, h.Now));
        Assert.True(h.Scene.LargeText);
        Assert.Equal(here, h.Screen);

        h.Press(SelectLong);
        Assert.False(h.Scene.LargeText);
    }

    [Fact]
    public void The_setting_starts_in_large_text()
    {
        var h = new NavHarness(options: new NavigatorOptions { LargeText = true });
        Assert.True(h.Scene.LargeText);
        Assert.True(h.Nav.LargeText);
    }
}
